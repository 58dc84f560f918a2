package org.pilotline.mes.gateway.ui;

import static org.pilotline.mes.gateway.ui.ServiceClient.seg;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.pilotline.mes.gateway.config.LineConfig;
import org.pilotline.mes.gateway.config.UiConfig;
import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.gateway.ui.LineViews.Area;
import org.pilotline.mes.gateway.ui.LineViews.Conditions;
import org.pilotline.mes.gateway.ui.LineViews.Enclosure;
import org.pilotline.mes.gateway.ui.LineViews.Line;
import org.pilotline.mes.gateway.ui.LineViews.LineOee;
import org.pilotline.mes.gateway.ui.LineViews.Machine;
import org.pilotline.mes.gateway.ui.LineViews.PlantAlarm;
import org.pilotline.mes.gateway.ui.LineViews.ShiftOee;
import org.pilotline.mes.gateway.ui.LineViews.Wip;
import org.pilotline.mes.gateway.ui.StationViews.Page;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The live line (wall screens and tablets, every role): every machine in process order with its PackML state, mode
 * and active alarms, the dry room's and gloveboxes' readings against their limits. The tiles are fetched again when
 * the equipment service announces a change of state or atmosphere (pushed, at most once a second) and on the
 * page's own schedule otherwise; one set of reads each time, not one per tile: the machines, the active alarms, the
 * enclosures' conditions, work-orders' work in process (each station's lot or cells, the WIP strip) and the current
 * shift's OEE per line. A machine's page ({@code /ui/line/{equipment}}) is drawn by {@link MachinePage}.
 */
@Path("/ui/line")
@Produces(MediaType.TEXT_HTML)
public class LineResource {

    private static final String SECTION = "/ui/line";

    private final ServiceClient services;
    private final CurrentSession current;
    private final Frame frame;
    private final UiConfig config;
    private final Shifts shifts;
    private final MachinePage machines;

    LineResource(ServiceClient services, CurrentSession current, Frame frame, UiConfig config, LineConfig line,
            MachinePage machines) {
        this.services = services;
        this.current = current;
        this.frame = frame;
        this.config = config;
        this.shifts = shifts(line);
        this.machines = machines;
    }

    static Shifts shifts(LineConfig line) {
        return Shifts.of(line.shiftStarts(), line.zone().map(ZoneId::of).orElse(ZoneId.systemDefault()));
    }

    @CheckedTemplate(basePath = "line")
    static class Templates {
        static native TemplateInstance page(Line line, Instant at, long refreshSeconds);

        static native TemplateInstance tiles(Line line, Instant at, long refreshSeconds);
    }

    @GET
    public TemplateInstance page() {
        return frame.page(Templates.page(line(current.get()), Instant.now(), refreshSeconds()), SECTION);
    }

    @GET
    @Path("/tiles")
    public TemplateInstance tiles() {
        return frame.localized(Templates.tiles(line(current.get()), Instant.now(), refreshSeconds()));
    }

    /**
     * A machine's page: state history, alarms and process-data trends over a range ({@code range} a preset:
     * {@code hour}, {@code shift}, {@code day}, {@code week}; or {@code from}/{@code to}, plant local date-times).
     * Here rather than in a class of its own so that {@code /tiles} keeps its precedence over a machine's id.
     */
    @GET
    @Path("/{equipment}")
    public TemplateInstance machine(@PathParam("equipment") String equipment, @QueryParam("range") String range,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("tag") String tag) {
        return frame.page(machines.page(current.get(), equipment, range, from, to, tag, shifts), SECTION);
    }

    private long refreshSeconds() {
        return config.refreshEvery().toSeconds();
    }

    private Line line(UiSession s) {
        Instant now = Instant.now();
        Shifts.Shift shift = shifts.at(now);
        CompletableFuture<Page<Machine>> machinesAsked = services.getAsync(s, "equipment", "/equipment?size=500",
                new TypeReference<Page<Machine>>() {
                });
        CompletableFuture<List<PlantAlarm>> alarms = services.getAsync(s, "equipment", "/alarms",
                new TypeReference<List<PlantAlarm>>() {
                });
        CompletableFuture<Wip> wip = services.getAsync(s, "work-orders", "/wip", Wip.class);
        List<Machine> line = ServiceClient.await(machinesAsked).items();
        Map<String, CompletableFuture<Conditions>> asked = new HashMap<>();
        Map<String, CompletableFuture<LineOee>> oeeAsked = new HashMap<>();
        for (Machine m : line) {
            if (LineViews.ENCLOSURES.contains(m.equipmentClass())) {
                asked.put(m.id(), services.getAsync(s, "equipment", "/environment/conditions?equipment="
                        + seg(m.id()) + "&at=" + seg(now.toString()), Conditions.class));
            }
            if (m.site() != null && m.area() != null && m.line() != null) {
                oeeAsked.computeIfAbsent(m.linePath(), p -> services.getAsync(s, "equipment", "/oee/lines/"
                        + seg(m.site()) + "/" + seg(m.area()) + "/" + seg(m.line()) + "?from="
                        + seg(shift.from().toString()) + "&to=" + seg(now.toString()), LineOee.class));
            }
        }
        Map<String, Enclosure> atmospheres = new HashMap<>();
        asked.forEach((id, conditions) -> ServiceClient.await(conditions).enclosures().stream()
                .filter(e -> e.equipment().equals(id)).findFirst().ifPresent(e -> atmospheres.put(id, e)));
        Map<String, LineOee> oee = new HashMap<>();
        oeeAsked.forEach((path, f) -> {
            LineOee o = orNull(f);
            if (o != null) {
                oee.put(path, o);
            }
        });
        Wip work = orNull(wip);
        return new Line(LineViews.areas(line, ServiceClient.await(alarms), atmospheres,
                work == null ? Wip.NONE : work, ShiftOee.of(shift, oee, line)),
                work == null ? List.of() : work.operations(), shift, work != null,
                oee.size() == oeeAsked.size());
    }

    /**
     * An answer the line view can do without: work-orders or the OEE not answering leaves the tiles without their
     * lot and figures (the page says so) rather than without their states.
     */
    private static <T> T orNull(CompletableFuture<T> f) {
        try {
            return ServiceClient.await(f);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
