package org.pilotline.mes.gateway.ui;

import static org.pilotline.mes.gateway.ui.ServiceClient.seg;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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

import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.gateway.ui.StationViews.Lot;
import org.pilotline.mes.gateway.ui.StationViews.Page;
import org.pilotline.mes.gateway.ui.SupervisorViews.Product;
import org.pilotline.mes.gateway.ui.SupervisorViews.WorkOrder;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The supervisor's work orders: filtered by state, product and stage; created; released, held, resumed, ended
 * (every ISA-95 move the order's state allows, with a reason where the move needs one); and each order's lots.
 */
@Path("/ui/orders")
@Produces(MediaType.TEXT_HTML)
public class OrdersResource {

    private static final String SECTION = "/ui/orders";
    static final List<String> STATES = List.of("CREATED", "RELEASED", "RUNNING", "HELD", "SUSPENDED", "ENDED",
            "ABORTED", "CANCELLED");
    static final List<String> STAGES = List.of("SAMPLE", "VALIDATION", "PROCESS", "PRODUCTION");

    private final ServiceClient services;
    private final CurrentSession current;
    private final Frame frame;

    OrdersResource(ServiceClient services, CurrentSession current, Frame frame) {
        this.services = services;
        this.current = current;
        this.frame = frame;
    }

    /** The filters of the list, as chosen. */
    public record Filter(String state, String product, String stage) {

        String query() {
            StringBuilder q = new StringBuilder("?size=100");
            if (state != null && !state.isBlank()) {
                q.append("&state=").append(enc(state));
            }
            if (product != null && !product.isBlank()) {
                q.append("&product=").append(enc(product));
            }
            if (stage != null && !stage.isBlank()) {
                q.append("&stage=").append(enc(stage));
            }
            return q.toString();
        }

        /** The list's address with one filter changed (for the filter chips). */
        public String with(String name, String value) {
            Filter f = new Filter("state".equals(name) ? value : state, "product".equals(name) ? value : product,
                    "stage".equals(name) ? value : stage);
            return SECTION + f.query().replace("?size=100", "?").replace("?&", "?");
        }
    }

    /** The creation form's values after a refusal, and the refusal. */
    public record CreateForm(Map<String, String> values, ServiceProblem refusal, String key) {

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        static CreateForm empty() {
            return new CreateForm(Map.of(), null, Panel.newKey());
        }
    }

    /** A work order with its lots and a refusal of the last move, if any. */
    public record Detail(WorkOrder order, List<Lot> lots, ServiceProblem refusal, String done, String key) {
    }

    @CheckedTemplate(basePath = "orders")
    static class Templates {
        static native TemplateInstance list(List<WorkOrder> orders, long total, Filter filter, List<Product> products,
                List<String> states, List<String> stages, CreateForm form, boolean mayCreate);

        static native TemplateInstance create(CreateForm form, List<Product> products);

        static native TemplateInstance detail(Detail detail, boolean mayAct);

        static native TemplateInstance order(Detail detail, boolean mayAct);
    }

    @GET
    public TemplateInstance list(@QueryParam("state") String state, @QueryParam("product") String product,
            @QueryParam("stage") String stage) {
        UiSession s = current.get();
        Filter filter = new Filter(state, product, stage);
        CompletableFuture<Page<WorkOrder>> orders = services.getAsync(s, "work-orders", "/work-orders"
                + filter.query(), new TypeReference<Page<WorkOrder>>() {
                });
        CompletableFuture<List<Product>> products = products(s);
        Page<WorkOrder> page = ServiceClient.await(orders);
        return frame.page(Templates.list(page.items(), page.total(), filter, ServiceClient.await(products), STATES, STAGES,
                CreateForm.empty(), mayChange(s)), SECTION);
    }

    /** A new work order; on success the person goes to it. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("product", form.getFirst("product"));
        body.put("plannedQuantity", Forms.integer(form, "plannedQuantity"));
        body.put("lotSize", Forms.integer(form, "lotSize"));
        body.put("priority", Forms.integer(form, "priority"));
        body.put("dueDate", Forms.optional(form, "dueDate"));
        try {
            JsonNode created = services.send(s, "POST", "work-orders", "/work-orders", body, form.getFirst("key"));
            return Response.noContent().header("HX-Redirect", SECTION + "/" + seg(created.path("number").asText()))
                    .build();
        } catch (ServiceProblem p) {
            return Response.ok(frame.localized(Templates.create(new CreateForm(Forms.typed(form), p, Forms.keyToResend(p, form)),
                    ServiceClient.await(products(s)))).render()).header("X-MES-Refused", "true").build();
        }
    }

    @GET
    @Path("/{number}")
    public TemplateInstance detail(@PathParam("number") String number) {
        UiSession s = current.get();
        return frame.page(Templates.detail(detail(s, number, null, null, Panel.newKey()), mayAct(s)), SECTION);
    }

    /** A move of the order's state (release, hold, ...), with its reason where it needs one. */
    @POST
    @Path("/{number}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("number") String number, @PathParam("action") String action,
            MultivaluedMap<String, String> form) {
        UiSession s = current.get();
        String reason = Forms.optional(form, "reason");
        try {
            services.send(s, "POST", "work-orders", "/work-orders/" + seg(number) + "/" + seg(action),
                    reason == null ? Map.of() : Map.of("reason", reason), form.getFirst("key"));
        } catch (ServiceProblem p) {
            return Response.ok(frame.localized(Templates.order(detail(s, number, p, null, Forms.keyToResend(p, form)),
                    mayAct(s)))
                    .render()).header("X-MES-Refused", "true").build();
        }
        return Response.ok(frame.localized(Templates.order(detail(s, number, null, "done_" + action, Panel.newKey()),
                mayAct(s))).render()).build();
    }

    private Detail detail(UiSession s, String number, ServiceProblem refusal, String done, String key) {
        CompletableFuture<WorkOrder> order = services.getAsync(s, "work-orders", "/work-orders/" + seg(number),
                WorkOrder.class);
        CompletableFuture<List<Lot>> lots = services.getAsync(s, "work-orders", "/work-orders/" + seg(number)
                + "/lots", new TypeReference<List<Lot>>() {
                });
        return new Detail(ServiceClient.await(order), ServiceClient.await(lots), refusal, done, key);
    }

    private CompletableFuture<List<Product>> products(UiSession s) {
        return services.getAsync(s, "work-orders", "/products?size=200", new TypeReference<Page<Product>>() {
        }).thenApply(Page::items);
    }

    /** Only supervisors move a work order's state (work-orders checks it again). */
    private static boolean mayAct(UiSession s) {
        return s.person().has(Roles.SUPERVISOR);
    }

    private static boolean mayChange(UiSession s) {
        return s.person().has(Roles.SUPERVISOR) || s.person().has(Roles.ADMIN);
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
