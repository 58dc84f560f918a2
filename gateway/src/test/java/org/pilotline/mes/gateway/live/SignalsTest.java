package org.pilotline.mes.gateway.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

class SignalsTest {

    private final Vertx vertx = Vertx.vertx();
    private final Signals signals = new Signals(vertx);

    @AfterEach
    void close() {
        signals.close();
        vertx.close();
    }

    private record Told(String name, long at) {
    }

    @Test
    void aChangeIsToldAtOnceAndABurstAfterItOnceWhenTheSecondIsOver() throws InterruptedException {
        List<Told> told = new CopyOnWriteArrayList<>();
        signals.listen(null, Signals.View.LINE, name -> told.add(new Told(name, System.nanoTime() / 1_000_000)));
        long start = System.nanoTime() / 1_000_000;
        signals.lineChanged();
        Thread.sleep(150);
        assertEquals(1, told.size(), "the first change is told at once, not at the next tick");
        assertTrue(told.get(0).at() - start < 150, "within 150 ms (the next look): " + (told.get(0).at() - start));
        for (int i = 0; i < 50; i++) {
            signals.lineChanged(); // a busy line
        }
        Thread.sleep(500);
        assertEquals(1, told.size(), "nothing more within the second");
        Thread.sleep(800);
        assertEquals(2, told.size(), "the burst, told once when the second is over");
        long gap = told.get(1).at() - told.get(0).at();
        assertTrue(gap >= Signals.TICK_MS && gap < Signals.TICK_MS + 250, "one second apart: " + gap);
        assertEquals(List.of(LiveResource.LINE_CHANGED, LiveResource.LINE_CHANGED),
                told.stream().map(Told::name).toList());
    }

    @Test
    void movedWorkTellsALineViewItsLineAndAConsoleItsDispatchList() throws InterruptedException {
        List<String> line = new CopyOnWriteArrayList<>();
        List<String> console = new CopyOnWriteArrayList<>();
        signals.listen(null, Signals.View.LINE, line::add);
        signals.listen("PRESS-01", Signals.View.OTHER, console::add);
        signals.workChanged();
        Thread.sleep(300);
        assertEquals(List.of(LiveResource.LINE_CHANGED), line);
        assertEquals(List.of(LiveResource.DISPATCH_CHANGED), console);
    }

    @Test
    void onlyLineViewsAreToldOfTheLine() throws InterruptedException {
        List<String> station = new CopyOnWriteArrayList<>();
        signals.listen("PRESS-01", Signals.View.OTHER, station::add);
        signals.lineChanged();
        Thread.sleep(300);
        assertEquals(List.of(), station);
        signals.stationChanged("PRESS-01");
        Thread.sleep(300);
        assertEquals(List.of(LiveResource.DISPATCH_CHANGED, LiveResource.STATUS_CHANGED), station);
    }

    @Test
    void aHoldTellsTheHoldsBoardsAndOtherWorkDoesNot() throws InterruptedException {
        List<String> board = new CopyOnWriteArrayList<>();
        signals.listen(null, Signals.View.HOLDS, board::add);
        signals.workChanged();
        signals.lineChanged();
        Thread.sleep(300);
        assertEquals(List.of(), board, "a busy line does not reload the holds board");
        signals.holdsChanged();
        Thread.sleep(300);
        assertEquals(List.of(LiveResource.HOLDS_CHANGED), board);
    }
}
