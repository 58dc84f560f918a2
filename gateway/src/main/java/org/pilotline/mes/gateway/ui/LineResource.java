package org.pilotline.mes.gateway.ui;

import static org.pilotline.mes.gateway.ui.ServiceClient.seg;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.pilotline.mes.gateway.config.UiConfig;
import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.gateway.ui.LineViews.Area;
import org.pilotline.mes.gateway.ui.LineViews.Conditions;
import org.pilotline.mes.gateway.ui.LineViews.Enclosure;
import org.pilotline.mes.gateway.ui.LineViews.Machine;
import org.pilotline.mes.gateway.ui.LineViews.PlantAlarm;
import org.pilotline.mes.gateway.ui.StationViews.Page;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The live line (wall screens and tablets, every role): every machine in process order with its PackML state, mode
 * and active alarms, the dry room's and gloveboxes' readings against their limits. The tiles are fetched again when
 * the equipment service announces a change of state or atmosphere (pushed, at most once a second) and on the
 * page's own schedule otherwise; one fetch of the equipment service's current state each time, not one per tile.
 */
@Path("/ui/line")
@Produces(MediaType.TEXT_HTML)
public class LineResource {

    private static final String SECTION = "/ui/line";

    private final ServiceClient services;
    private final CurrentSession current;
    private final Frame frame;
    private final UiConfig config;

    LineResource(ServiceClient services, CurrentSession current, Frame frame, UiConfig config) {
        this.services = services;
        this.current = current;
        this.frame = frame;
        this.config = config;
    }

    @CheckedTemplate(basePath = "line")
    static class Templates {
        static native TemplateInstance page(List<Area> areas, Instant at, long refreshSeconds);

        static native TemplateInstance tiles(List<Area> areas, Instant at, long refreshSeconds);
    }

    @GET
    public TemplateInstance page() {
        return frame.page(Templates.page(areas(current.get()), Instant.now(), refreshSeconds()), SECTION);
    }

    @GET
    @Path("/tiles")
    public TemplateInstance tiles() {
        return frame.localized(Templates.tiles(areas(current.get()), Instant.now(), refreshSeconds()));
    }

    private long refreshSeconds() {
        return config.refreshEvery().toSeconds();
    }

    private List<Area> areas(UiSession s) {
        CompletableFuture<Page<Machine>> machines = services.getAsync(s, "equipment", "/equipment?size=500",
                new TypeReference<Page<Machine>>() {
                });
        CompletableFuture<List<PlantAlarm>> alarms = services.getAsync(s, "equipment", "/alarms",
                new TypeReference<List<PlantAlarm>>() {
                });
        String now = Instant.now().toString();
        List<Machine> line = ServiceClient.await(machines).items();
        Map<String, CompletableFuture<Conditions>> asked = new HashMap<>();
        for (Machine m : line) {
            if (LineViews.ENCLOSURES.contains(m.equipmentClass())) {
                asked.put(m.id(), services.getAsync(s, "equipment", "/environment/conditions?equipment="
                        + seg(m.id()) + "&at=" + seg(now), Conditions.class));
            }
        }
        Map<String, Enclosure> atmospheres = new HashMap<>();
        asked.forEach((id, conditions) -> ServiceClient.await(conditions).enclosures().stream()
                .filter(e -> e.equipment().equals(id)).findFirst().ifPresent(e -> atmospheres.put(id, e)));
        return LineViews.areas(line, ServiceClient.await(alarms), atmospheres);
    }
}
