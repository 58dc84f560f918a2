package org.pilotline.mes.gateway.ui;

import static org.pilotline.mes.gateway.ui.ServiceClient.seg;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.pilotline.mes.contracts.events.ParameterSpec;
import org.pilotline.mes.contracts.rest.EquipmentAvailability;
import org.pilotline.mes.gateway.config.UiConfig;
import org.pilotline.mes.gateway.session.Cookies;
import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.gateway.ui.StationViews.Alarm;
import org.pilotline.mes.gateway.ui.StationViews.Dispatch;
import org.pilotline.mes.gateway.ui.StationViews.DispatchItem;
import org.pilotline.mes.gateway.ui.StationViews.Lot;
import org.pilotline.mes.gateway.ui.StationViews.ManualEntry;
import org.pilotline.mes.gateway.ui.StationViews.MaterialLot;
import org.pilotline.mes.gateway.ui.StationViews.Operation;
import org.pilotline.mes.gateway.ui.StationViews.Page;
import org.pilotline.mes.gateway.ui.StationViews.Station;
import org.pilotline.mes.gateway.ui.StationViews.ToMeasure;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The operator's station console: the station chosen by scan or from a list (remembered on the tablet), its state
 * and alarms always at the top, its dispatch list, and the work panel where an operation is started, paused,
 * resumed and completed, material booked and measurements entered. Every refusal is shown in plain words.
 */
@Path("/ui/station")
@Produces(MediaType.TEXT_HTML)
public class StationConsoleResource {

    private static final String SECTION = "/ui/station";
    private static final Pattern LOT_ID = Pattern.compile("WO-\\d{4}-\\d{5}-\\d{2}");
    private static final int TEN_YEARS = 10 * 365 * 24 * 3600;

    private final ServiceClient services;
    private final CurrentSession current;
    private final Frame frame;
    private final UiConfig config;

    StationConsoleResource(ServiceClient services, CurrentSession current, Frame frame, UiConfig config) {
        this.services = services;
        this.current = current;
        this.frame = frame;
        this.config = config;
    }

    @CheckedTemplate(basePath = "station")
    static class Templates {
        static native TemplateInstance picker(List<Station> stations, ServiceProblem refusal);

        static native TemplateInstance console(StationStatus status, Dispatch dispatch, Panel panel);

        static native TemplateInstance status(StationStatus status);

        static native TemplateInstance dispatch(Dispatch dispatch, String selectedLot, String selectedOperation);

        static native TemplateInstance panel(Panel panel);

        static native TemplateInstance scanRefused(ServiceProblem refusal, String code);
    }

    /** The station's header: state, mode, active alarms, and whether it may take work. */
    public record StationStatus(Station station, List<Alarm> alarms, EquipmentAvailability availability) {
    }

    /** The tablet's station, else the list to choose one from. */
    @GET
    public Response start(@RestCookie(Cookies.STATION) String remembered) {
        if (remembered != null && !remembered.isBlank()) {
            return Response.seeOther(URI.create(SECTION + "/" + seg(remembered))).build();
        }
        return Response.ok(picker(null)).build();
    }

    @GET
    @Path("/choose")
    public TemplateInstance choose() {
        return picker(null);
    }

    /** A station scanned (or typed) on the picker. */
    @POST
    @Path("/choose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response chosen(MultivaluedMap<String, String> form) {
        String code = Forms.text(form, "code");
        List<Station> stations = stations();
        Optional<Station> match = stations.stream().filter(s -> s.id().equalsIgnoreCase(code)).findFirst();
        if (match.isEmpty()) {
            ServiceProblem unknown = new ServiceProblem(404, "unknown-station", code, List.of(), List.of());
            return Response.ok(frame.localized(Templates.scanRefused(unknown, code)).render())
                    .header("X-MES-Scan", "refused").header("X-MES-Refused", "true").build();
        }
        return Response.noContent().header("HX-Redirect", SECTION + "/" + seg(match.get().id())).build();
    }

    @GET
    @Path("/{station}")
    public Response console(@PathParam("station") String station, @QueryParam("lot") String lot,
            @QueryParam("op") String op, @QueryParam("cell") String cell) {
        UiSession s = current.get();
        CompletableFuture<StationStatus> status = statusAsync(s, station);
        CompletableFuture<Dispatch> dispatch = services.getAsync(s, "work-orders", "/stations/" + seg(station)
                + "/dispatch", Dispatch.class);
        StationStatus st;
        try {
            st = ServiceClient.await(status);
        } catch (ServiceProblem p) {
            if (p.status() == 404) {
                // a station the tablet remembered was removed: choose again
                return Response.ok(picker(p)).cookie(Cookies.cleared(config, Cookies.STATION)).build();
            }
            throw p;
        }
        Panel panel = lot != null && op != null ? panelOrRefusal(s, station, lot, op, cell) : null;
        TemplateInstance page = frame.page(Templates.console(st, ServiceClient.await(dispatch), panel), SECTION)
                .data("station", station);
        return Response.ok(page).cookie(Cookies.of(config, Cookies.STATION, station, TEN_YEARS, true)).build();
    }

    @GET
    @Path("/{station}/status")
    public TemplateInstance status(@PathParam("station") String station) {
        return frame.localized(Templates.status(ServiceClient.await(statusAsync(current.get(), station))));
    }

    @GET
    @Path("/{station}/dispatch")
    public TemplateInstance dispatch(@PathParam("station") String station, @QueryParam("lot") String lot,
            @QueryParam("op") String op) {
        return frame.localized(Templates.dispatch(services.get(current.get(), "work-orders",
                "/stations/" + seg(station) + "/dispatch", Dispatch.class), lot, op));
    }

    @GET
    @Path("/{station}/panel")
    public TemplateInstance panel(@PathParam("station") String station, @QueryParam("lot") String lot,
            @QueryParam("op") String op, @QueryParam("cell") String cell) {
        return frame.localized(Templates.panel(panelOrRefusal(current.get(), station, lot, op, cell)));
    }

    /**
     * A scan (or typed code) at the station: a lot on its list opens its operation, a cell serial opens the
     * operation for that cell, a material lot is offered for booking into what is open, another station's code
     * switches the console to it. Anything else is refused with what was scanned.
     */
    @POST
    @Path("/{station}/scan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response scan(@PathParam("station") String station, MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        String code = Forms.text(form, "code");
        String openLot = Forms.text(form, "lot");
        String openOp = Forms.text(form, "op");
        if (code.isEmpty()) {
            return Response.noContent().build();
        }
        CompletableFuture<Dispatch> asked = services.getAsync(s, "work-orders", "/stations/" + seg(station)
                + "/dispatch", Dispatch.class);
        // most scans at a console are lots on its list: their operations are asked for meanwhile
        boolean lotLike = LOT_ID.matcher(code).matches();
        CompletableFuture<List<Operation>> ops = lotLike ? operationsAsync(s, code, null) : null;
        CompletableFuture<Lot> lotView = lotLike ? lotAsync(s, code) : null;
        Dispatch dispatch = ServiceClient.await(asked);
        Optional<DispatchItem> item = dispatch.items().stream().filter(i -> i.lot().equalsIgnoreCase(code))
                .findFirst();
        if (item.isPresent()) {
            String lot = item.get().lot();
            return opened(lotLike && lot.equals(code)
                    ? panel(s, station, lot, item.get().operation(), null, ops, lotView)
                    : panelOrRefusal(s, station, lot, item.get().operation(), null));
        }
        if (stations().stream().anyMatch(st -> st.id().equalsIgnoreCase(code))) {
            return Response.noContent().header("HX-Redirect", SECTION + "/" + seg(code.toUpperCase())).build();
        }
        try {
            if (lotLike) {
                Lot lot = ServiceClient.await(lotView);
                return refusedScan(new ServiceProblem(409, "lot-not-at-station", lot.lot() + " (" + lot.state() + ")",
                        List.of(), List.of()), code);
            }
            Optional<Panel> cell = cellPanel(s, station, dispatch, code);
            if (cell.isPresent()) {
                return opened(cell.get());
            }
            MaterialLot material = services.get(s, "genealogy", "/material-lots/" + seg(code), MaterialLot.class);
            if (openLot.isEmpty() || openOp.isEmpty()) {
                return refusedScan(new ServiceProblem(409, "open-an-operation-first", material.id(), List.of(),
                        List.of()), code);
            }
            Panel panel = panelOrRefusal(s, station, openLot, openOp, Forms.optional(form, "cell"));
            return opened(panel.withMaterial(material));
        } catch (ServiceProblem p) {
            return refusedScan(p.status() == 404 ? new ServiceProblem(404, "unknown-code", code, List.of(), List.of())
                    : p, code);
        }
    }

    /**
     * A cell serial: the operation its lot waits for at this station, for that cell. Not a serial work-orders
     * issued: empty (perhaps a material lot).
     */
    private Optional<Panel> cellPanel(UiSession s, String station, Dispatch dispatch, String serial) {
        List<Operation> ops;
        try {
            ops = services.get(s, "work-orders", "/cells/" + seg(serial) + "/operations",
                    new TypeReference<List<Operation>>() {
                    });
        } catch (ServiceProblem p) {
            if (p.status() == 404 || "invalid-serial".equals(p.slug())) {
                return Optional.empty();
            }
            throw p;
        }
        String lot = lotOfCell(s, serial);
        Optional<DispatchItem> here = dispatch.items().stream().filter(i -> i.lot().equals(lot))
                .filter(i -> ops.stream().anyMatch(o -> o.operation().equals(i.operation()) && !o.completed()))
                .findFirst();
        if (here.isEmpty()) {
            throw new ServiceProblem(409, "cell-not-at-station", serial, List.of(), List.of());
        }
        return Optional.of(panelOrRefusal(s, station, here.get().lot(), here.get().operation(), serial));
    }

    /** The production lot of a cell, as genealogy recorded it when the cell was stacked. */
    private String lotOfCell(UiSession s, String serial) {
        try {
            return services.get(s, "genealogy", "/cells/" + seg(serial), StationViews.Cell.class).lot();
        } catch (ServiceProblem p) {
            return null;
        }
    }

    @POST
    @Path("/{station}/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response startOperation(@PathParam("station") String station, MultivaluedMap<String, String> form) {
        return act(station, form, "start", Map.of("station", station), "done_started");
    }

    @POST
    @Path("/{station}/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pause(@PathParam("station") String station, MultivaluedMap<String, String> form) {
        return act(station, form, "pause", Map.of("reason", Forms.text(form, "reason")), "done_paused");
    }

    @POST
    @Path("/{station}/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resume(@PathParam("station") String station, MultivaluedMap<String, String> form) {
        return act(station, form, "resume", Map.of(), "done_resumed");
    }

    /** Parameters as typed (inputs named p.{code}), good and scrap counts, and the reasons they need. */
    @POST
    @Path("/{station}/complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@PathParam("station") String station, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, BigDecimal> parameters = new LinkedHashMap<>();
        List<ServiceProblem.FieldError> unreadable = new java.util.ArrayList<>();
        form.forEach((name, values) -> {
            if (name.startsWith("p.") && !values.isEmpty() && !values.get(0).isBlank()) {
                try {
                    parameters.put(name.substring(2), new BigDecimal(values.get(0).trim().replace(',', '.')));
                } catch (NumberFormatException e) {
                    unreadable.add(new ServiceProblem.FieldError(name.substring(2), values.get(0)));
                }
            }
        });
        if (!unreadable.isEmpty()) {
            Panel panel = panelOrRefusal(current.get(), station, form.getFirst("lot"), form.getFirst("op"),
                    Forms.optional(form, "cell"));
            return refused(panel.refused("complete", new ServiceProblem(400, "not-a-number", "", List.of(), unreadable),
                    Forms.typed(form)));
        }
        body.put("parameters", parameters);
        body.put("good", Forms.integer(form, "good"));
        body.put("scrap", Forms.integer(form, "scrap"));
        body.put("scrapReason", Forms.optional(form, "scrapReason"));
        body.put("outOfLimitReason", Forms.optional(form, "outOfLimitReason"));
        return act(station, form, "complete", body, "done_completed");
    }

    /** Material scanned and booked into the open lot or cell. */
    @POST
    @Path("/{station}/material")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response material(@PathParam("station") String station, MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        String lot = form.getFirst("lot");
        String cell = Forms.optional(form, "cell");
        Panel panel = panelOrRefusal(s, station, lot, form.getFirst("op"), cell);
        String materialLot = Forms.text(form, "materialLot");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("quantity", Forms.decimal(form, "quantity"));
        body.put("unit", Forms.text(form, "unit"));
        body.put(cell != null ? "cell" : "lot", cell != null ? cell : lot);
        body.put("operation", form.getFirst("op"));
        try {
            MaterialLot booked = services.convert(services.send(s, "POST", "genealogy", "/material-lots/"
                    + seg(materialLot) + "/consumptions", body, form.getFirst("key")), MaterialLot.class);
            return changed(panel.withMaterial(booked).done("done_material_booked"));
        } catch (ServiceProblem p) {
            MaterialLot scanned = new MaterialLot(materialLot, null, null, Forms.text(form, "unit"), null, null);
            return refused(panel.withMaterial(scanned).refused("material", p, Forms.typed(form)));
        }
    }

    /** A measurement entered by hand where the inspection plan lets the operator enter it. */
    @POST
    @Path("/{station}/measurement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response measurement(@PathParam("station") String station, MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        String lot = form.getFirst("lot");
        String cell = Forms.optional(form, "measuredCell");
        Panel panel = panelOrRefusal(s, station, lot, form.getFirst("op"), Forms.optional(form, "cell"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("characteristic", form.getFirst("characteristic"));
        body.put("value", Forms.decimal(form, "value"));
        body.put("unit", form.getFirst("unit"));
        body.put(cell != null ? "cell" : "lot", cell != null ? cell : lot);
        try {
            services.send(s, "POST", "quality", "/measurements", body, form.getFirst("key"));
            return changed(panelOrRefusal(s, station, lot, form.getFirst("op"), Forms.optional(form, "cell"))
                    .done("done_measured"));
        } catch (ServiceProblem p) {
            return refused(panel.refused("measurement:" + form.getFirst("characteristic"), p, Forms.typed(form)));
        }
    }

    /** One execution call to work-orders for the lot or the scanned cell; the panel shows the outcome. */
    private Response act(String station, MultivaluedMap<String, String> form, String action, Map<String, Object> body,
            String done) {
        UiSession s = current.get();
        String lot = form.getFirst("lot");
        String op = form.getFirst("op");
        String cell = Forms.optional(form, "cell");
        String path = (cell != null ? "/cells/" + seg(cell) : "/lots/" + seg(lot)) + "/operations/" + seg(op) + "/"
                + action;
        try {
            services.send(s, "POST", "work-orders", path, body, form.getFirst("key"));
        } catch (ServiceProblem p) {
            return refused(panelOrRefusal(s, station, lot, op, cell).refused(action, p, Forms.typed(form)));
        }
        return changed(panelOrRefusal(s, station, lot, op, cell).done(done));
    }

    /** The panel of an operation as it is now, with what may be measured by hand for it or the step before. */
    private Panel panelOrRefusal(UiSession s, String station, String lot, String op, String cell) {
        return panel(s, station, lot, op, cell, operationsAsync(s, lot, cell), lotAsync(s, lot));
    }

    /**
     * The panel from answers asked for already (a scan asks for them while it looks the lot up in the dispatch
     * list): every question that does not wait for another is asked at once, so a scan costs about two round trips.
     */
    private Panel panel(UiSession s, String station, String lot, String op, String cell,
            CompletableFuture<List<Operation>> ops, CompletableFuture<Lot> lotView) {
        CompletableFuture<List<ToMeasure>> here = toMeasure(s, lot, op);
        List<Operation> all = ServiceClient.await(ops);
        Operation operation = all.stream().filter(o -> o.operation().equals(op)).findFirst()
                .orElseThrow(() -> new ServiceProblem(404, "not-found", lot + " " + op, List.of(), List.of()));
        Optional<String> before = all.stream().filter(o -> o.sequence() < operation.sequence())
                .reduce((a, b) -> b).map(Operation::operation);
        // the step before: its gate, and what may be entered by hand for it while the gate waits
        CompletableFuture<Boolean> passed = before.map(b -> gatePassed(s, lot, b))
                .orElse(CompletableFuture.completedFuture(true));
        CompletableFuture<List<ToMeasure>> missing = before.map(b -> toMeasure(s, lot, b))
                .orElse(CompletableFuture.completedFuture(List.of()));
        List<ManualEntry> entries = new java.util.ArrayList<>();
        if (!passed.join()) {
            missing.join().stream().filter(ToMeasure::manual).forEach(m -> entries.add(new ManualEntry(before.get(), m)));
        }
        here.join().stream().filter(ToMeasure::manual).forEach(m -> entries.add(new ManualEntry(op, m)));
        Lot l = ServiceClient.await(lotView);
        return Panel.of(station, lot, l.product(), l.plannedQuantity(), operation, cell, entries);
    }

    private CompletableFuture<List<Operation>> operationsAsync(UiSession s, String lot, String cell) {
        return services.getAsync(s, "work-orders",
                cell != null ? "/cells/" + seg(cell) + "/operations" : "/lots/" + seg(lot) + "/operations",
                new TypeReference<List<Operation>>() {
                });
    }

    private CompletableFuture<Lot> lotAsync(UiSession s, String lot) {
        return services.getAsync(s, "work-orders", "/lots/" + seg(lot), Lot.class);
    }

    /** Whether quality's gate of the operation passed (unknown counts as not: the entry is offered). */
    private CompletableFuture<Boolean> gatePassed(UiSession s, String lot, String op) {
        return services.getAsync(s, "quality", "/lots/" + seg(lot) + "/gates/" + seg(op), StationViews.Gate.class)
                .handle((gate, e) -> gate != null && "PASS".equals(gate.status()));
    }

    /** Quality's list of what is left to measure; quality down: none, and the rest of the panel still works. */
    private CompletableFuture<List<ToMeasure>> toMeasure(UiSession s, String lot, String op) {
        return services.getAsync(s, "quality", "/lots/" + seg(lot) + "/operations/" + seg(op) + "/to-measure",
                new TypeReference<List<ToMeasure>>() {
                }).exceptionally(e -> List.of());
    }

    private Response opened(Panel panel) {
        return Response.ok(frame.localized(Templates.panel(panel)).render()).header("X-MES-Scan", "ok")
                .header("HX-Trigger", "dispatch-changed").build();
    }

    private Response refusedScan(ServiceProblem problem, String code) {
        return Response.ok(frame.localized(Templates.scanRefused(problem, code)).render())
                .header("X-MES-Scan", "refused").header("X-MES-Refused", "true")
                .header("HX-Retarget", "#scan-result").header("HX-Reswap", "innerHTML").build();
    }

    private Response changed(Panel panel) {
        return Response.ok(frame.localized(Templates.panel(panel)).render())
                .header("HX-Trigger", "dispatch-changed, status-changed").build();
    }

    private Response refused(Panel panel) {
        return Response.ok(frame.localized(Templates.panel(panel)).render()).header("X-MES-Refused", "true").build();
    }

    private TemplateInstance picker(ServiceProblem refusal) {
        return frame.page(Templates.picker(stations(), refusal), SECTION);
    }

    private List<Station> stations() {
        return services.get(current.get(), "equipment", "/equipment?size=500",
                new TypeReference<Page<Station>>() {
                }).items();
    }

    private CompletableFuture<StationStatus> statusAsync(UiSession s, String station) {
        CompletableFuture<Station> st = services.getAsync(s, "equipment", "/equipment/" + seg(station), Station.class);
        CompletableFuture<List<Alarm>> alarms = services.getAsync(s, "equipment", "/equipment/" + seg(station)
                + "/alarms", new TypeReference<List<Alarm>>() {
                });
        CompletableFuture<EquipmentAvailability> availability = services.getAsync(s, "equipment", "/equipment/"
                + seg(station) + "/availability", EquipmentAvailability.class);
        return st.thenCombine(alarms, (a, b) -> new Object[] { a, b }).thenCombine(availability,
                (ab, c) -> new StationStatus((Station) ab[0], castAlarms(ab[1]), c));
    }

    @SuppressWarnings("unchecked")
    private static List<Alarm> castAlarms(Object o) {
        return (List<Alarm>) o;
    }

    /** The limits of a parameter in the person's numbers, for the template. */
    static String limits(ParameterSpec p) {
        return (p.lowerLimit() == null ? "" : p.lowerLimit().toPlainString()) + " – "
                + (p.upperLimit() == null ? "" : p.upperLimit().toPlainString());
    }
}
