package org.pilotline.mes.quality.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.kit.api.Page;
import org.pilotline.mes.kit.api.PageRequest;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.outbox.Outbox;
import org.pilotline.mes.kit.persistence.SqlValues;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;
import org.pilotline.mes.kit.security.ElectronicSignatures;
import org.pilotline.mes.kit.security.Signature;
import org.pilotline.mes.quality.api.NcrApi.Dispose;
import org.pilotline.mes.quality.api.NcrApi.Item;
import org.pilotline.mes.quality.api.NcrApi.NcrView;
import org.pilotline.mes.quality.api.NcrApi.OpenNcr;
import org.pilotline.mes.quality.api.NcrApi.Pareto;
import org.pilotline.mes.quality.api.NcrApi.ParetoBar;
import org.pilotline.mes.quality.persistence.NcrStore;
import org.pilotline.mes.quality.persistence.QualityStore;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Nonconformance reports: opened by a person (or by grading, for a cell outside every bin) on cells, lots, material
 * lots or equipment; the root cause added by quality; disposed once (scrap, rework, use as is, return to supplier)
 * under quality's electronic signature. An open NCR on a lot or its cells keeps the lot from approval.
 */
@ApplicationScoped
public class NcrService {

    public static final String OPEN = "OPEN";

    private final NcrStore ncrs;
    private final QualityStore store;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final ElectronicSignatures signatures;

    NcrService(NcrStore ncrs, QualityStore store, AuditTrail audit, Outbox outbox, ElectronicSignatures signatures) {
        this.ncrs = ncrs;
        this.store = store;
        this.audit = audit;
        this.outbox = outbox;
        this.signatures = signatures;
    }

    public static String number(long id) {
        return String.format("NCR-%06d", id);
    }

    /** Cells and lots must be known to quality; the product, when not given, is that of the first of them. */
    @Transactional
    public NcrView open(OpenNcr req, Actor actor) {
        String product = req.product();
        List<String> unknown = new ArrayList<>();
        for (Item i : req.items()) {
            if (!"CELL".equals(i.itemType()) && !"LOT".equals(i.itemType())) {
                continue; // material lots and equipment are not quality's to know
            }
            String lot = "CELL".equals(i.itemType()) ? store.lotOfCell(i.itemId()).orElse(null) : i.itemId();
            String itsProduct = lot == null ? null : store.productOfLot(lot).orElse(null);
            if (itsProduct == null) {
                unknown.add(i.itemType().toLowerCase() + " " + i.itemId());
            } else if (product == null) {
                product = itsProduct;
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.notFound("Item", String.join(", ", unknown));
        }
        return open(product, req.defectCode(), req.description().strip(), req.items(), "PERSON", actor);
    }

    /** An NCR raised by the system (grading); the caller's transaction. */
    NcrView open(String product, String defectCode, String description, List<Item> items, String source,
            Actor actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long id = ncrs.insert(product, defectCode, description, source, actor.name(), now);
        items.forEach(i -> ncrs.addItem(id, i.itemType(), i.itemId()));
        NcrView view = view(id);
        audit.record(actor, "ncr.opened", "ncr", String.valueOf(id), null, view, description);
        outbox.publish(EventTypes.Quality.NCR_OPENED, number(id), event(view));
        return view;
    }

    @Transactional
    public NcrView rootCause(long id, String rootCause, Actor actor) {
        Object[] n = openForUpdate(id);
        ncrs.rootCause(id, rootCause.strip());
        NcrView after = view(id);
        audit.record(actor, "ncr.root-cause", "ncr", String.valueOf(id), Map.of("rootCause",
                n[4] == null ? "" : n[4]), Map.of("rootCause", after.rootCause()), null);
        return after;
    }

    /** Once, by quality, signed; a second disposition is 409 ncr-not-open. */
    @Transactional
    public NcrView dispose(long id, Dispose req, SecurityIdentity identity) {
        openForUpdate(id);
        Signature sig = signatures.sign(identity, req.meaning(), req.reason(), "ncr", String.valueOf(id));
        NcrView before = view(id);
        ncrs.dispose(id, req.disposition(), sig.signerName(), sig.signedAt(), sig.id(), sig.reason());
        NcrView after = view(id);
        audit.record(Actor.of(identity), "ncr.disposed", "ncr", String.valueOf(id), before, after, sig.reason());
        outbox.publish(EventTypes.Quality.NCR_DISPOSED, number(id), event(after));
        return after;
    }

    @Transactional
    public NcrView get(long id) {
        return view(id);
    }

    @Transactional
    public Page<NcrView> list(String status, String product, String itemType, String itemId, PageRequest page) {
        List<NcrView> items = ncrs.list(status, product, itemType, itemId, page.offset(), page.size()).stream()
                .map(r -> view(r, ncrs.items(((Number) r[0]).longValue()))).toList();
        return page.result(items, ncrs.count(status, product, itemType, itemId));
    }

    /** Defect codes by how often they were raised in the period, most first, with running shares. */
    @Transactional
    public Pareto pareto(String product, Instant from, Instant to) {
        List<Object[]> rows = ncrs.pareto(product, from, to);
        long total = rows.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum();
        List<ParetoBar> bars = new ArrayList<>();
        long running = 0;
        for (Object[] r : rows) {
            long count = ((Number) r[1]).longValue();
            running += count;
            bars.add(new ParetoBar((String) r[0], count, 100.0 * count / total, 100.0 * running / total));
        }
        return new Pareto(product, from, to, total, bars);
    }

    /** The open NCRs on a lot or its cells, described for a disposition, and the cells they name. */
    public record OpenOnLot(List<String> reasons, Set<String> cells) {
    }

    public OpenOnLot openOnLot(String lot) {
        Map<Long, String> reasons = new LinkedHashMap<>();
        Set<String> cells = new HashSet<>();
        for (Object[] r : ncrs.openOnLot(lot)) {
            reasons.putIfAbsent(((Number) r[0]).longValue(), number(((Number) r[0]).longValue()) + " open: " + r[1]
                    + ", " + r[2]);
            if ("CELL".equals(r[3])) {
                cells.add((String) r[4]);
            }
        }
        return new OpenOnLot(List.copyOf(reasons.values()), cells);
    }

    private Object[] openForUpdate(long id) {
        Object[] n = ncrs.forUpdate(id).orElseThrow(() -> ProblemException.notFound("NCR", String.valueOf(id)));
        if (!OPEN.equals(n[5])) {
            throw ProblemException.conflict("ncr-not-open", number(id) + " was disposed (" + n[6] + ") on " + n[11]);
        }
        return n;
    }

    private NcrView view(long id) {
        Object[] r = ncrs.get(id).orElseThrow(() -> ProblemException.notFound("NCR", String.valueOf(id)));
        return view(r, ncrs.items(id));
    }

    private static NcrView view(Object[] r, List<Object[]> items) {
        long id = ((Number) r[0]).longValue();
        return new NcrView(id, number(id), (String) r[1], (String) r[2], (String) r[3],
                items.stream().map(i -> new Item((String) i[0], (String) i[1])).toList(), (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], (String) r[8], SqlValues.instant(r[9]), (String) r[10],
                SqlValues.instant(r[11]), (String) r[12], r[13] == null ? null : ((UUID) r[13]).toString());
    }

    private static Map<String, Object> event(NcrView n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ncr", n.number());
        m.put("product", n.product());
        m.put("defectCode", n.defectCode());
        m.put("status", n.status());
        m.put("disposition", n.disposition());
        m.put("items", n.items());
        return m;
    }
}
