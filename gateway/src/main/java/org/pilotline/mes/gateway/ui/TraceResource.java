package org.pilotline.mes.gateway.ui;

import static org.pilotline.mes.gateway.ui.ServiceClient.seg;

import java.net.URI;
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
import jakarta.ws.rs.core.Response;

import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.gateway.ui.StationViews.Operation;
import org.pilotline.mes.gateway.ui.StationViews.Page;
import org.pilotline.mes.gateway.ui.TraceViews.AsBuilt;
import org.pilotline.mes.gateway.ui.TraceViews.Cell;
import org.pilotline.mes.gateway.ui.TraceViews.Exposure;
import org.pilotline.mes.gateway.ui.TraceViews.MaterialLot;
import org.pilotline.mes.gateway.ui.TraceViews.MaterialLotTrace;
import org.pilotline.mes.gateway.ui.TraceViews.RecallScope;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The auditor's screens, read-only: find a cell or a material lot by scan or typing; a cell's backward trace drawn
 * as a graph with every step's machine, operator and atmosphere, the as-built record that prints cleanly; a lot's
 * forward trace with the recall scope (counts, cells a page at a time, the CSV); the audit trail of any entity with
 * each service's chain verification; the exposure clocks of material lots.
 */
@Path("/ui/trace")
@Produces(MediaType.TEXT_HTML)
public class TraceResource {

    static final String SECTION = "/ui/trace";
    static final int CELLS_PER_PAGE = 50;

    private final ServiceClient services;
    private final CurrentSession current;
    private final Frame frame;

    TraceResource(ServiceClient services, CurrentSession current, Frame frame) {
        this.services = services;
        this.current = current;
        this.frame = frame;
    }

    /**
     * A cell's record and what the trace page adds to it.
     *
     * @param operators who ran each operation of the cell's lot (work-orders knows; genealogy does not)
     * @param graph the backward trace as a tree, as JSON for the graph
     */
    public record CellTrace(AsBuilt record, Map<String, String> operators, String graph) {
    }

    /** A material lot, its clock, the recall scope's page {@code page} (from 0) of {@code pages}, its origins. */
    public record LotTrace(MaterialLot lot, Exposure exposure, RecallScope scope, int page, int pages,
            MaterialLotTrace backward) {

        public int previous() {
            return page - 1;
        }

        public int next() {
            return page + 1;
        }

        public int shownPage() {
            return page + 1;
        }

        public boolean hasNext() {
            return page + 1 < pages;
        }
    }

    @CheckedTemplate(basePath = "trace")
    static class Templates {
        static native TemplateInstance search(String query, List<Cell> matches, long total, boolean searched,
                boolean mayAudit);

        static native TemplateInstance cell(CellTrace trace, boolean mayAudit);

        static native TemplateInstance materialLot(LotTrace trace, boolean mayAudit);

        static native TemplateInstance exposure(List<Exposure> clocks);
    }

    /** The search: a scanned or typed serial or lot id opens it; a part of a serial lists the cells it matches. */
    @GET
    public Response search(@QueryParam("q") String query) {
        UiSession s = current.get();
        String q = query == null ? "" : query.strip();
        List<Cell> matches = List.of();
        long total = 0;
        if (!q.isEmpty()) {
            CompletableFuture<Cell> cell = services.getAsync(s, "genealogy", "/cells/" + seg(q), Cell.class);
            CompletableFuture<MaterialLot> lot = services.getAsync(s, "genealogy", "/material-lots/" + seg(q),
                    MaterialLot.class);
            if (found(cell)) {
                return Response.seeOther(URI.create(SECTION + "/cells/" + seg(q))).build();
            }
            if (found(lot)) {
                return Response.seeOther(URI.create(SECTION + "/material-lots/" + seg(q))).build();
            }
            if (q.length() >= 3) {
                Page<Cell> page = services.get(s, "genealogy", "/cells?size=" + CELLS_PER_PAGE + "&serialPrefix="
                        + seg(q), new TypeReference<Page<Cell>>() {
                        });
                matches = page.items();
                total = page.total();
            }
        }
        return Response.ok(frame.page(Templates.search(q, matches, total, !q.isEmpty(),
                AuditTrailResource.mayRead(s.person())), SECTION)).build();
    }

    @GET
    @Path("/cells/{serial}")
    public TemplateInstance cell(@PathParam("serial") String serial) {
        UiSession s = current.get();
        AsBuilt record = services.get(s, "genealogy", "/cells/" + seg(serial) + "/as-built", AsBuilt.class);
        Map<String, String> operators = new HashMap<>();
        if (record.cell().lot() != null) {
            try {
                for (Operation op : services.get(s, "work-orders", "/lots/" + seg(record.cell().lot()) + "/operations",
                        new TypeReference<List<Operation>>() {
                        })) {
                    String who = op.completedBy() != null ? op.completedBy() : op.startedBy();
                    if (who != null) {
                        operators.put(op.operation(), who);
                    }
                }
            } catch (ServiceProblem p) {
                // a lot work-orders does not know (a cell of a trial, say): the record stands without operators
            }
        }
        var steps = record.materials().stream().map(TraceViews.StepRecord::step).toList();
        return frame.page(Templates.cell(new CellTrace(record, operators,
                services.json(TraceViews.tree(serial, steps, record.rawMaterials()))),
                AuditTrailResource.mayRead(s.person())), SECTION);
    }

    @GET
    @Path("/material-lots/{id}")
    public TemplateInstance materialLot(@PathParam("id") String id, @QueryParam("page") Integer page) {
        UiSession s = current.get();
        int p = page == null || page < 0 ? 0 : page;
        CompletableFuture<MaterialLot> lot = services.getAsync(s, "genealogy", "/material-lots/" + seg(id),
                MaterialLot.class);
        CompletableFuture<Exposure> exposure = services.getAsync(s, "genealogy", "/exposure/material-lots/" + seg(id),
                Exposure.class).exceptionally(e -> null); // a lot that never moved has no clock
        CompletableFuture<RecallScope> scope = services.getAsync(s, "genealogy", "/recalls/scope?materialLot="
                + seg(id) + "&page=" + p + "&size=" + CELLS_PER_PAGE, RecallScope.class);
        MaterialLot found = ServiceClient.await(lot);
        MaterialLotTrace backward = "RAW".equals(found.kind()) ? null
                : services.get(s, "genealogy", "/material-lots/" + seg(id) + "/trace/backward", MaterialLotTrace.class);
        RecallScope sc = ServiceClient.await(scope);
        int pages = (int) Math.max(1, (sc.totalCells() + CELLS_PER_PAGE - 1) / CELLS_PER_PAGE);
        return frame.page(Templates.materialLot(new LotTrace(found, exposure.join(), sc, p, pages, backward),
                AuditTrailResource.mayRead(s.person())), SECTION);
    }

    /** The running exposure clocks of material lots, the nearest to their limit first. */
    @GET
    @Path("/exposure")
    public TemplateInstance exposure() {
        return frame.page(Templates.exposure(services.get(current.get(), "genealogy", "/exposure/material-lots?size=200",
                new TypeReference<List<Exposure>>() {
                })), SECTION);
    }

    /** Every cell the lot reached, as genealogy writes the recall scope's CSV, to save. */
    @GET
    @Path("/material-lots/{id}/cells.csv")
    @Produces("text/csv")
    public Response recallCsv(@PathParam("id") String id) {
        String csv = services.getText(current.get(), "genealogy", "/recalls/scope/cells.csv?materialLot=" + seg(id),
                "text/csv");
        return Response.ok(csv, "text/csv; charset=utf-8").header("Content-Disposition",
                "attachment; filename=\"recall-" + id.replaceAll("[^A-Za-z0-9_-]", "_") + ".csv\"").build();
    }

    private static boolean found(CompletableFuture<?> answer) {
        try {
            return ServiceClient.await(answer) != null;
        } catch (ServiceProblem p) {
            if (p.status() == 404 || p.status() == 400) {
                return false;
            }
            throw p;
        }
    }
}
