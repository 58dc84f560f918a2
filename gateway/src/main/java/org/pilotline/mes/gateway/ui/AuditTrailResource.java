package org.pilotline.mes.gateway.ui;

import static org.pilotline.mes.gateway.ui.ServiceClient.seg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.gateway.ui.StationViews.Page;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The audit trail of any entity, from every service that keeps rows about it, oldest first, and each service's
 * verification of its hash chain: an auditor sees at once whether the trail they read is intact.
 */
@Path("/ui/trace/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditTrailResource {

    /** The services that keep an audit trail, in the order of the plant's flow. */
    static final List<String> SERVICES = List.of("work-orders", "equipment", "genealogy", "quality");
    /** The kinds of entity the services audit, offered as the form's choices (any other may be typed). */
    static final List<String> ENTITY_TYPES = List.of("cell", "lot", "material-lot", "work-order", "module", "hold",
            "ncr", "measurement", "plan", "equipment", "routing", "product", "qualification");
    private static final int ROWS = 500;

    private final ServiceClient services;
    private final CurrentSession current;
    private final Frame frame;

    AuditTrailResource(ServiceClient services, CurrentSession current, Frame frame) {
        this.services = services;
        this.current = current;
        this.frame = frame;
    }

    public record Entry(long seq, Instant at, String actorId, String actorName, String action, String entityType,
            String entityId, String oldValue, String newValue, String reason, String prevHash, String hash) {
    }

    /** A row as shown: which service's trail it is in. */
    public record Row(String service, Entry entry) {
    }

    /** A service's answer on its chain: intact or where it breaks; {@code problem} when it could not be asked. */
    public record Chain(String service, boolean valid, long rows, Long brokenAtSeq, String detail,
            ServiceProblem problem) {
    }

    public record Trail(String entityType, String entityId, List<Row> rows, long total, List<Chain> chains) {

        public boolean allValid() {
            return chains.stream().allMatch(Chain::valid);
        }
    }

    @CheckedTemplate(basePath = "trace")
    static class Templates {
        static native TemplateInstance audit(Trail trail, List<String> entityTypes);
    }

    @GET
    public TemplateInstance trail(@QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId) {
        UiSession s = current.get();
        if (!mayRead(s.person())) {
            throw Forbidden.problem();
        }
        String type = entityType == null ? "" : entityType.strip();
        String id = entityId == null ? "" : entityId.strip();
        Map<String, CompletableFuture<Page<Entry>>> asked = new LinkedHashMap<>();
        if (!type.isEmpty()) {
            for (String service : SERVICES) {
                asked.put(service, services.getAsync(s, service, "/audit?size=" + ROWS + "&entityType=" + seg(type)
                        + (id.isEmpty() ? "" : "&entityId=" + seg(id)), new TypeReference<Page<Entry>>() {
                        }));
            }
        }
        Map<String, CompletableFuture<Chain>> verified = new LinkedHashMap<>();
        for (String service : SERVICES) {
            verified.put(service, services.getAsync(s, service, "/audit/verification", Chain.class));
        }
        List<Row> rows = new ArrayList<>();
        Map<String, ServiceProblem> unread = new LinkedHashMap<>();
        long total = 0;
        for (var answer : asked.entrySet()) {
            try {
                Page<Entry> page = ServiceClient.await(answer.getValue());
                total += page.total();
                page.items().forEach(e -> rows.add(new Row(answer.getKey(), e)));
            } catch (ServiceProblem p) {
                // that service's rows are missing: its verdict says it was not asked, so the gap is visible
                unread.put(answer.getKey(), p);
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.entry().at()).thenComparing(Row::service));
        List<Chain> chains = new ArrayList<>();
        verified.forEach((service, answer) -> chains.add(unread.containsKey(service)
                ? new Chain(service, false, 0, null, null, unread.get(service)) : chain(service, answer)));
        return frame.page(Templates.audit(new Trail(type, id, rows, total, chains), ENTITY_TYPES), TraceResource.SECTION);
    }

    /** The services' own rule: auditors, quality and admins read the audit trail (supervisors do not). */
    static boolean mayRead(org.pilotline.mes.gateway.session.Person p) {
        return p.has(Roles.AUDITOR) || p.has(Roles.QUALITY) || p.has(Roles.ADMIN);
    }

    private static Chain chain(String service, CompletableFuture<Chain> answer) {
        try {
            Chain c = ServiceClient.await(answer);
            return new Chain(service, c.valid(), c.rows(), c.brokenAtSeq(), c.detail(), null);
        } catch (ServiceProblem p) {
            // not verified is not intact: the page says which service could not be asked
            return new Chain(service, false, 0, null, null, p);
        }
    }
}
