package org.pilotline.mes.gateway.ui;

import static org.pilotline.mes.gateway.ui.ServiceClient.seg;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.gateway.ui.QualityChartViews.Characteristic;
import org.pilotline.mes.gateway.ui.QualityChartViews.Plan;
import org.pilotline.mes.gateway.ui.QualityChartViews.Product;
import org.pilotline.mes.gateway.ui.SpcViews.Spc;
import org.pilotline.mes.gateway.ui.StationViews.Page;


import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * SPC of one characteristic of one product: the control chart (I-MR, or X-bar/R of a subgroup size) over a
 * period, its control and specification limits, the points that broke a Nelson rule marked and listed with the
 * rule in words, and Cp, Cpk, Pp, Ppk. A plain GET form, so a chart is a link a quality engineer can send on.
 */
@Path("/ui/quality/spc")
@Produces(MediaType.TEXT_HTML)
public class SpcResource {

    private static final String SECTION = "/ui/quality";
    static final int DEFAULT_DAYS = 30;

    private final ServiceClient services;
    private final CurrentSession current;
    private final Frame frame;

    SpcResource(ServiceClient services, CurrentSession current, Frame frame) {
        this.services = services;
        this.current = current;
        this.frame = frame;
    }

    /** What was asked for: product, characteristic, chart IMR or XBAR_R with its subgroup size, the period in days. */
    public record Choice(String product, String characteristic, String chart, int subgroup, int days) {

        public boolean xbar() {
            return "XBAR_R".equals(chart);
        }
    }

    /**
     * The page: the choices offered, the chart (null with a problem: too few values, no plan) and its data.
     *
     * @param spec the chart data as JSON, for quality-charts.js
     * @param marked the indexes of the marked points, comma-separated
     */
    public record SpcPage(List<Product> products, List<Characteristic> characteristics, Choice choice, Spc spc,
            String spec, String marked, ServiceProblem problem) {

        /** A capability index as a figure: two decimals, or a dash where it cannot be computed. */
        public String figure(Double v) {
            return v == null ? "–" : String.format(Locale.ROOT, "%.2f", v);
        }

        /** Neither specification limit: capability cannot be judged. */
        public boolean noSpecLimits() {
            return spc != null && spc.capability() != null && spc.capability().lsl() == null
                    && spc.capability().usl() == null;
        }

        public String verdict(Double cpk) {
            return SpcViews.verdict(cpk);
        }

        /** A value of the characteristic: up to four significant decimals. */
        public String value(double v) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(5)).stripTrailingZeros()
                    .toPlainString();
        }
    }

    @CheckedTemplate(basePath = "quality")
    static class Templates {
        static native TemplateInstance spc(SpcPage page, List<Integer> periods, List<Integer> subgroups);
    }

    @GET
    public TemplateInstance page(@QueryParam("product") String product,
            @QueryParam("characteristic") String characteristic, @QueryParam("chart") String chart,
            @QueryParam("subgroup") Integer subgroup, @QueryParam("days") Integer days) {
        UiSession s = current.get();
        if (!QualityChartViews.mayView(s.person())) {
            throw Forbidden.problem();
        }
        CompletableFuture<Page<Product>> products = QualityChartViews.products(services, s);
        String p = product == null || product.isBlank() ? null : product.strip();
        List<Characteristic> characteristics = p == null ? List.of() : characteristics(s, p);
        String c = characteristics.stream().map(Characteristic::code).filter(code -> code.equals(characteristic))
                .findFirst().orElse(characteristics.isEmpty() ? null : characteristics.get(0).code());
        Choice choice = new Choice(p, c, "XBAR_R".equals(chart) ? "XBAR_R" : "IMR",
                subgroup == null || subgroup < 2 || subgroup > 10 ? 5 : subgroup,
                QualityChartViews.days(days, DEFAULT_DAYS));
        Spc spc = null;
        ServiceProblem problem = null;
        if (p != null && c == null) {
            problem = new ServiceProblem(404, "no-plan", p, List.of(), List.of());
        } else if (c != null) {
            try {
                spc = services.get(s, "quality", "/spc/" + seg(p) + "/" + seg(c) + "?chart=" + choice.chart()
                        + "&subgroup=" + choice.subgroup() + "&from=" + QualityChartViews.fromParam(choice.days()),
                        Spc.class);
            } catch (ServiceProblem refused) {
                if (refused.status() >= 500) {
                    throw refused;
                }
                problem = refused; // too few values, no such characteristic: said on the page, the form stays
            }
        }
        SpcPage page = new SpcPage(ServiceClient.await(products).items(), characteristics, choice, spc,
                spc == null ? null : services.json(SpcViews.chart(spc)), spc == null ? "" : SpcViews.markedIndexes(spc),
                problem);
        return frame.page(Templates.spc(page, QualityChartViews.PERIODS, List.of(2, 3, 4, 5, 6, 7, 8, 9, 10)),
                SECTION);
    }

    /** The characteristics of the product's plan in force; none when quality has no plan for it. */
    private List<Characteristic> characteristics(UiSession s, String product) {
        try {
            Plan plan = services.get(s, "quality", "/plans/" + seg(product), Plan.class);
            return plan == null || plan.characteristics() == null ? List.of() : plan.characteristics();
        } catch (ServiceProblem refused) {
            if (refused.status() == 404) {
                return List.of();
            }
            throw refused;
        }
    }
}
