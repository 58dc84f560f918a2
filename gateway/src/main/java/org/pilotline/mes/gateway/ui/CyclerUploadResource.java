package org.pilotline.mes.gateway.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.gateway.ui.CyclerFiles.RefusedLine;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A cycler's formation, aging and grading results, uploaded from the browser: the file goes to quality as it is
 * (CSV with the cycler named, or the JSON import). The outcome is shown in full: the cells graded, their grades
 * and the NCRs opened, or every refused line with its number and reason, and that nothing was recorded.
 */
@Path("/ui/quality/uploads")
@Produces(MediaType.TEXT_HTML)
public class CyclerUploadResource {

    private static final String SECTION = "/ui/quality";

    private final ServiceClient services;
    private final CurrentSession current;
    private final Frame frame;

    CyclerUploadResource(ServiceClient services, CurrentSession current, Frame frame) {
        this.services = services;
        this.current = current;
        this.frame = frame;
    }

    /** What grading made of one cell. */
    public record Graded(String cell, String lot, String product, double kValueMvPerDay, Double pressureMinMpa,
            Double pressureMaxMpa, String grade, String verdict, List<String> reasons, String ncr) {
    }

    public record ImportResult(String cycler, int cells, int graded, int outsideEveryBin, List<Graded> results) {

        /** How many cells took each grade, in the order first seen. */
        public Map<String, Integer> grades() {
            Map<String, Integer> g = new LinkedHashMap<>();
            results.stream().filter(r -> r.grade() != null).forEach(r -> g.merge(r.grade(), 1, Integer::sum));
            return g;
        }

        public List<Graded> withNcr() {
            return results.stream().filter(r -> r.ncr() != null).toList();
        }
    }

    /**
     * The outcome of one upload: imported (result), refused by quality (lines, each refused line), or refused here
     * before sending (problem: a message key such as file_empty).
     */
    public record Outcome(String fileName, ImportResult result, List<RefusedLine> lines, String problem,
            ServiceProblem refusal) {
    }

    @CheckedTemplate(basePath = "quality")
    static class Templates {
        static native TemplateInstance uploads(String key, int maxBytes);

        static native TemplateInstance outcome(Outcome outcome, String key);
    }

    @GET
    public TemplateInstance page() {
        uploader();
        return frame.page(Templates.uploads(Panel.newKey(), CyclerFiles.MAX_BYTES), SECTION);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("cycler") String cycler,
            @RestForm("key") String key) {
        UiSession s = uploader();
        String name = file == null ? "" : file.fileName();
        byte[] bytes = read(file);
        String c = cycler == null ? "" : cycler.strip();
        String problem = file != null && file.size() > CyclerFiles.MAX_BYTES ? "file_too_large"
                : CyclerFiles.problem(bytes, c);
        if (problem != null) {
            return outcome(new Outcome(name, null, List.of(), problem, null), key, true);
        }
        try {
            boolean json = CyclerFiles.json(bytes);
            // the same key for the same file sent again (a lost answer): quality records it once
            // without a byte-order mark (spreadsheet programs write one; quality wants the header first)
            byte[] text = CyclerFiles.text(bytes).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var answer = services.sendFile(s, "quality", json ? "/grading/results" : "/grading/results?cycler="
                    + ServiceClient.seg(c), text, json ? "application/json" : "text/csv", key);
            ImportResult result = services.convert(answer, ImportResult.class);
            // a new key for the next file
            return outcome(new Outcome(name, result, List.of(), null, null), Panel.newKey(), false);
        } catch (ServiceProblem refused) {
            if (refused.status() >= 500) {
                // no answer, or none in time: quality may have recorded it; the same key sends it once at most
                return outcome(new Outcome(name, null, List.of(), null, refused), key, true);
            }
            List<RefusedLine> lines = refused.status() == 400 ? CyclerFiles.refusedLines(refused, bytes) : List.of();
            // quality keeps no refusal: a corrected file may go with a fresh key
            return outcome(new Outcome(name, null, lines, null, refused), Panel.newKey(), true);
        }
    }

    private Response outcome(Outcome outcome, String key, boolean refused) {
        Response.ResponseBuilder r = Response.ok(frame.localized(Templates.outcome(outcome,
                key == null || key.isBlank() ? Panel.newKey() : key)).render());
        return (refused ? r.header("X-MES-Refused", "true") : r).build();
    }

    private UiSession uploader() {
        UiSession s = current.get();
        if (!QualityChartViews.mayUpload(s.person())) {
            throw Forbidden.problem();
        }
        return s;
    }

    private static byte[] read(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return new byte[0];
        }
        try {
            return file.size() > CyclerFiles.MAX_BYTES ? new byte[0] : Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
