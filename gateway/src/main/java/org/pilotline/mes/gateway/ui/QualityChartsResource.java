package org.pilotline.mes.gateway.ui;

import static org.pilotline.mes.gateway.ui.ServiceClient.seg;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.gateway.ui.QualityChartViews.Bin;
import org.pilotline.mes.gateway.ui.QualityChartViews.Distribution;
import org.pilotline.mes.gateway.ui.QualityChartViews.Pareto;
import org.pilotline.mes.gateway.ui.QualityChartViews.Product;
import org.pilotline.mes.gateway.ui.QualityChartViews.StageComparison;
import org.pilotline.mes.gateway.ui.QualityChartViews.StageRow;
import org.pilotline.mes.gateway.ui.StationViews.Page;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Quality's overview charts, each also as a table: the Pareto of nonconformance defect codes, the grade
 * distribution of a format's cells by bin (with the cells outside every bin), and the stages side by side (yield
 * and Cpk from the 1 Ah sample to 60 Ah production). Read-only: the same for everyone who may see them.
 */
@Path("/ui/quality")
@Produces(MediaType.TEXT_HTML)
public class QualityChartsResource {

    private static final String SECTION = "/ui/quality";
    static final int DEFAULT_DAYS = 90;
    /** The characteristics that tell a stage's cells apart at grading. */
    static final String STAGE_CHARACTERISTICS = "OCV,ACIR,CAPACITY,K_VALUE";

    private final ServiceClient services;
    private final CurrentSession current;
    private final Frame frame;

    QualityChartsResource(ServiceClient services, CurrentSession current, Frame frame) {
        this.services = services;
        this.current = current;
        this.frame = frame;
    }

    /** The Pareto page: spec is the chart data as JSON (null without NCRs in the period). */
    public record ParetoPage(List<Product> products, String product, int days, Pareto pareto, String spec) {
    }

    /** The grading page: bins with their bounds, the distribution (null with a problem: no bins). */
    public record GradingPage(List<Product> products, String product, int days, List<Bin> bins,
            Distribution distribution, String spec, ServiceProblem problem) {

        public String bounds(String grade) {
            return bins.stream().filter(b -> b.grade().equals(grade)).map(Bin::bounds).findFirst().orElse("");
        }
    }

    public record StagesPage(int days, StageComparison comparison, List<StageRow> rows, String spec) {

        public String figure(Double v) {
            return v == null ? "–" : String.format(java.util.Locale.ROOT, "%.2f", v);
        }
    }

    @CheckedTemplate(basePath = "quality")
    static class Templates {
        static native TemplateInstance pareto(ParetoPage page, List<Integer> periods);

        static native TemplateInstance grading(GradingPage page, List<Integer> periods);

        static native TemplateInstance stages(StagesPage page, List<Integer> periods);
    }

    @GET
    @Path("/pareto")
    public TemplateInstance pareto(@QueryParam("product") String product, @QueryParam("days") Integer days) {
        UiSession s = viewer();
        int d = QualityChartViews.days(days, DEFAULT_DAYS);
        String p = blankToNull(product);
        CompletableFuture<Page<Product>> products = QualityChartViews.products(services, s);
        Pareto pareto = services.get(s, "quality", "/ncrs/pareto?from=" + QualityChartViews.fromParam(d)
                + (p == null ? "" : "&product="
                + seg(p)), Pareto.class);
        String spec = pareto.bars().isEmpty() ? null : services.json(QualityChartViews.pareto(pareto));
        return frame.page(Templates.pareto(new ParetoPage(ServiceClient.await(products).items(), p, d, pareto, spec),
                QualityChartViews.PERIODS), SECTION);
    }

    @GET
    @Path("/grading")
    public TemplateInstance grading(@QueryParam("product") String product, @QueryParam("days") Integer days) {
        UiSession s = viewer();
        int d = QualityChartViews.days(days, DEFAULT_DAYS);
        List<Product> products = ServiceClient.await(QualityChartViews.products(services, s)).items();
        String p = blankToNull(product);
        if (p == null && !products.isEmpty()) {
            p = products.get(products.size() - 1).code(); // the newest format
        }
        List<Bin> bins = List.of();
        Distribution distribution = null;
        ServiceProblem problem = null;
        if (p != null) {
            CompletableFuture<List<Bin>> asked = services.getAsync(s, "quality", "/grading/" + seg(p) + "/bins",
                    new TypeReference<List<Bin>>() {
                    });
            try {
                distribution = services.get(s, "quality", "/grading/" + seg(p) + "/distribution?from="
                        + QualityChartViews.fromParam(d),
                        Distribution.class);
                bins = ServiceClient.await(asked);
            } catch (ServiceProblem refused) {
                if (refused.status() != 404) {
                    throw refused;
                }
                problem = refused; // no bins for this format yet: said on the page
                distribution = null;
            }
        }
        String spec = distribution == null || distribution.cells() == 0 ? null
                : services.json(QualityChartViews.grading(distribution));
        return frame.page(Templates.grading(new GradingPage(products, p, d, bins, distribution, spec, problem),
                QualityChartViews.PERIODS), SECTION);
    }

    @GET
    @Path("/stages")
    public TemplateInstance stages(@QueryParam("days") Integer days) {
        UiSession s = viewer();
        int d = QualityChartViews.days(days, DEFAULT_DAYS);
        StageComparison c = services.get(s, "quality", "/stages/comparison?characteristics=" + STAGE_CHARACTERISTICS
                + "&from=" + QualityChartViews.fromParam(d), StageComparison.class);
        List<StageRow> rows = QualityChartViews.ordered(c.stages());
        String spec = rows.isEmpty() ? null : services.json(QualityChartViews.stages(c));
        return frame.page(Templates.stages(new StagesPage(d, c, rows, spec), QualityChartViews.PERIODS), SECTION);
    }

    private UiSession viewer() {
        UiSession s = current.get();
        if (!QualityChartViews.mayView(s.person())) {
            throw Forbidden.problem();
        }
        return s;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
