package org.pilotline.mes.gateway.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Vertx;

/**
 * Tells open screens that something they show has changed, so they fetch it again: the dispatch lists when work
 * moves anywhere, a station's header when that station's state changes. A busy line must not flood a tablet: each
 * screen is told at most once a second, however many events arrived. Screens are looked at every {@link #CHECK_MS}
 * ms: the first change after a quiet second is told at the next look (leading edge, within 0.1 s); what arrives
 * within the second after that is told together when the second is over, so a single change reaches the screen
 * without waiting for a one-second tick and a burst costs one refresh a second. Every signal is sent from the
 * timer, on one Vert.x context, as the streams expect. The live line view is told when a machine's state, an alarm, a machine's work
 * or an atmosphere changes anywhere; other screens are not.
 */
@ApplicationScoped
public class Signals {

    /** At most one signal a second per screen. */
    static final long TICK_MS = 1000;
    /** How often screens with changes held back are looked at. */
    static final long CHECK_MS = 100;

    private final Map<Long, Screen> screens = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Vertx vertx;
    private final long timer;

    Signals(Vertx vertx) {
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(CHECK_MS, t -> screens.values().forEach(Screen::flush));
    }

    /** The screens that want more than the dispatch list and their station's header. */
    enum View {
        /** the live line: states, alarms, atmospheres, work in process */
        LINE,
        /** quality's holds board: holds placed and released */
        HOLDS,
        /** anything else: a station console, a list */
        OTHER;

        static View of(String name) {
            return "line".equals(name) ? LINE : "holds".equals(name) ? HOLDS : OTHER;
        }
    }

    /** A screen listening: which station it shows (or null), which view it is, where its signals go. */
    static final class Screen {
        final String station;
        final boolean lineView;
        final View view;
        final Consumer<String> out;
        final AtomicBoolean dispatch = new AtomicBoolean();
        final AtomicBoolean status = new AtomicBoolean();
        final AtomicBoolean line = new AtomicBoolean();
        final AtomicBoolean holds = new AtomicBoolean();

        Screen(String station, View view, Consumer<String> out) {
            this.station = station;
            this.view = view;
            this.lineView = view == View.LINE;
            this.out = out;
        }

        /** When this screen was last told anything (ms, monotonic); long ago at first. */
        private long lastSent = System.nanoTime() / 1_000_000 - TICK_MS;

        /** Tells what changed, unless the screen was told something less than a second ago. */
        synchronized void flush() {
            long now = System.nanoTime() / 1_000_000;
            if (now - lastSent < TICK_MS || !(dispatch.get() || status.get() || line.get() || holds.get())) {
                return;
            }
            lastSent = now;
            if (dispatch.getAndSet(false)) {
                out.accept(LiveResource.DISPATCH_CHANGED);
            }
            if (status.getAndSet(false)) {
                out.accept(LiveResource.STATUS_CHANGED);
            }
            if (line.getAndSet(false)) {
                out.accept(LiveResource.LINE_CHANGED);
            }
            if (holds.getAndSet(false)) {
                out.accept(LiveResource.HOLDS_CHANGED);
            }
        }
    }

    long listen(String station, View view, Consumer<String> out) {
        long id = ids.incrementAndGet();
        screens.put(id, new Screen(station, view, out));
        return id;
    }

    void stop(long id) {
        screens.remove(id);
    }

    int listening() {
        return screens.size();
    }

    /**
     * Work moved (an operation, a lot, a work order, a hold): every dispatch list may have changed, and the line
     * views' work in process (a line view has no dispatch list to tell).
     */
    public void workChanged() {
        screens.values().stream().filter(s -> s.view != View.HOLDS)
                .forEach(s -> (s.lineView ? s.line : s.dispatch).set(true));
    }

    /** A hold was placed or released: the holds boards show it (the other screens hear of it as work). */
    public void holdsChanged() {
        screens.values().stream().filter(s -> s.view == View.HOLDS).forEach(s -> s.holds.set(true));
    }

    /** A machine's state or an atmosphere changed: the line views show it. */
    public void lineChanged() {
        screens.values().stream().filter(s -> s.lineView).forEach(s -> {
            s.line.set(true);
        });
    }

    /** A station's state changed: its header, and what it may take, may have. */
    public void stationChanged(String station) {
        screens.values().stream().filter(s -> station.equals(s.station)).forEach(s -> {
            s.status.set(true);
            s.dispatch.set(true);
        });
    }

    @PreDestroy
    void close() {
        vertx.cancelTimer(timer);
    }
}
