package org.pilotline.mes.gateway.ui;

import static org.pilotline.mes.gateway.ui.ServiceClient.seg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.gateway.ui.LineViews.Machine;
import org.pilotline.mes.gateway.ui.MachineViews.Alarm;
import org.pilotline.mes.gateway.ui.MachineViews.Band;
import org.pilotline.mes.gateway.ui.MachineViews.CurrentValue;
import org.pilotline.mes.gateway.ui.MachineViews.Range;
import org.pilotline.mes.gateway.ui.MachineViews.Series;
import org.pilotline.mes.gateway.ui.MachineViews.StateSpan;
import org.pilotline.mes.gateway.ui.MachineViews.StateTotal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A machine's page (every role; opened from its tile on the live line): its state history over a range as a band
 * coloured by state with the durations and a table, its alarms with raised and cleared times and durations, and
 * process-data trends (one tag, or every tag it reported) drawn with ECharts. The reads are asked all at once.
 */
@ApplicationScoped
public class MachinePage {

    /** Most tags drawn at once when none is chosen (a machine reports a handful). */
    static final int MAX_TAGS = 12;
    /** State spans read for a range: the services' largest page. */
    static final int STATE_SPANS = 500;
    /** Points per trend: raw samples up to this, otherwise the service's time buckets. */
    static final int MAX_POINTS = 600;

    private final ServiceClient services;
    private final ObjectMapper json;

    MachinePage(ServiceClient services, ObjectMapper json) {
        this.services = services;
        this.json = json;
    }

    /** A trend as the page's script draws it: a tag and its [epoch ms, value] pairs. */
    public record Trend(String tag, List<double[]> data, Long bucketSeconds) {
    }

    @CheckedTemplate(basePath = "line")
    static class Templates {
        static native TemplateInstance machine(Machine machine, Range range, List<String> presets, List<Band> band,
                List<Band> states, boolean statesCut, List<StateTotal> totals, List<Alarm> alarms,
                List<String> tags, String tag, List<String> drawn, String trends, Instant at);
    }

    TemplateInstance page(UiSession s, String equipment, String preset, String from, String to, String tag,
            Shifts shifts) {
        Instant now = Instant.now();
        Range range = MachineViews.range(preset, from, to, now, shifts);
        String id = seg(equipment);
        String span = "from=" + seg(range.from().toString()) + "&to=" + seg(range.to().toString());
        CompletableFuture<Machine> machine = services.getAsync(s, "equipment", "/equipment/" + id, Machine.class);
        CompletableFuture<List<StateSpan>> states = services.getAsync(s, "equipment",
                "/equipment/" + id + "/states?" + span + "&size=" + STATE_SPANS, new TypeReference<List<StateSpan>>() {
                });
        CompletableFuture<List<Alarm>> alarms = services.getAsync(s, "equipment",
                "/equipment/" + id + "/alarms/history?" + span + "&size=500", new TypeReference<List<Alarm>>() {
                });
        CompletableFuture<List<CurrentValue>> latest = services.getAsync(s, "equipment",
                "/equipment/" + id + "/data/latest", new TypeReference<List<CurrentValue>>() {
                });
        Machine m = ServiceClient.await(machine); // an unknown machine: 404 here
        List<String> tags = ServiceClient.await(latest).stream().map(CurrentValue::tag).sorted().distinct().toList();
        String chosen = tag != null && tags.contains(tag) ? tag : null;
        List<String> drawn = chosen != null ? List.of(chosen) : tags.stream().limit(MAX_TAGS).toList();
        Map<String, CompletableFuture<Series>> asked = new LinkedHashMap<>();
        drawn.forEach(t -> asked.put(t, services.getAsync(s, "equipment", "/equipment/" + id + "/data?tag=" + seg(t)
                + "&" + span + "&maxPoints=" + MAX_POINTS, Series.class)));
        List<Trend> trends = new ArrayList<>();
        asked.forEach((t, f) -> {
            Series series = ServiceClient.await(f);
            trends.add(new Trend(t, series.pairs(), series.bucketSeconds()));
        });
        List<StateSpan> spans = ServiceClient.await(states);
        List<Band> band = MachineViews.band(spans, range, now);
        List<Band> newestFirst = band.stream().sorted(Comparator.comparing(Band::from).reversed()).toList();
        // the service answers the newest spans first, at most a page: more means the range's oldest are missing
        return Templates.machine(m, range, MachineViews.PRESETS, band, newestFirst, spans.size() >= STATE_SPANS,
                MachineViews.totals(band, range),
                ServiceClient.await(alarms), tags, chosen, drawn, script(trends), now);
    }

    /** JSON to sit in a script element: nothing in it can close the element. */
    private String script(Object value) {
        try {
            return json.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
