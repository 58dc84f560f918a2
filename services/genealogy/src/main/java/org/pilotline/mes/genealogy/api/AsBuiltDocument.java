package org.pilotline.mes.genealogy.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.pilotline.mes.genealogy.api.GenealogyApi.AsBuiltRecord;
import org.pilotline.mes.genealogy.api.GenealogyApi.CellView;
import org.pilotline.mes.genealogy.api.GenealogyApi.LinkCorrection;
import org.pilotline.mes.genealogy.api.GenealogyApi.MaterialLotView;
import org.pilotline.mes.genealogy.api.GenealogyApi.OperationRecord;
import org.pilotline.mes.genealogy.api.GenealogyApi.Place;
import org.pilotline.mes.genealogy.api.GenealogyApi.StepRecord;
import org.pilotline.mes.genealogy.api.GenealogyApi.TraceStep;
import org.pilotline.mes.genealogy.client.EquipmentClient.Conditions;
import org.pilotline.mes.genealogy.client.EquipmentClient.Enclosure;
import org.pilotline.mes.genealogy.client.EquipmentClient.Reading;

/**
 * The as-built record as a page an auditor reads or prints: the same content as the JSON, in tables. Every value
 * from the database or a machine is escaped.
 */
final class AsBuiltDocument {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#111}h1{margin-bottom:0}
            table{border-collapse:collapse;margin:.5em 0 1.5em;width:100%}th,td{border:1px solid #bbb;padding:4px 6px;
            text-align:left;vertical-align:top;font-size:.9em}th{background:#eee}.gap{color:#a00;font-weight:bold}
            .bad{color:#a00;font-weight:bold}.muted{color:#666}@media print{body{margin:0}}""";

    private final StringBuilder html = new StringBuilder(16_384);

    private AsBuiltDocument() {
    }

    static String render(AsBuiltRecord r) {
        return new AsBuiltDocument().page(r);
    }

    private String page(AsBuiltRecord r) {
        CellView c = r.cell();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>As-built record of cell ")
                .append(esc(c.serial())).append("</title><style>").append(STYLE).append("</style></head><body>");
        html.append("<h1>As-built record: cell ").append(esc(c.serial())).append("</h1>");
        html.append("<p class=\"muted\">Generated ").append(esc(r.generatedAt())).append(" by the MES genealogy service")
                .append("</p>");
        for (String gap : r.gaps()) {
            html.append("<p class=\"gap\">Incomplete: ").append(esc(gap)).append("</p>");
        }
        identity(c, r.place());
        html.append("<h2>Conditions at birth</h2>");
        conditions(r.birthEnvironment());
        materials(r.materials());
        rawMaterials(r.rawMaterials());
        operations(r.operations());
        corrections(r.corrections());
        return html.append("</body></html>").toString();
    }

    private void identity(CellView c, Place p) {
        html.append("<h2>Identity</h2><table>");
        row("Serial", c.serial());
        row("Product", c.product());
        row("Stage", c.stage());
        row("Production lot", c.lot());
        row("Work order", c.workOrder());
        row("Status", c.status());
        row("Current operation", c.currentOperation());
        row("Module", c.module());
        row("Born", c.createdAt() + " on " + c.equipment());
        row("Stacking parameters", params(c.parameters()));
        row("Manufacturer", p.manufacturer());
        row("Facility", p.facility());
        row("Site / area / line", p.site() == null ? "unknown" : p.site() + " / " + p.area() + " / " + p.line());
        html.append("</table>");
    }

    private void row(String name, Object value) {
        html.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value == null ? "" : value))
                .append("</td></tr>");
    }

    private void materials(List<StepRecord> steps) {
        html.append("<h2>Materials, nearest first</h2><table><tr><th>Depth</th><th>Material lot</th><th>Type</th>"
                + "<th>Into</th><th>Quantity</th><th>Range</th><th>Operation</th><th>By</th><th>At</th>"
                + "<th>Atmosphere</th></tr>");
        for (StepRecord sr : steps) {
            TraceStep s = sr.step();
            html.append("<tr><td>").append(s.depth()).append("</td><td>").append(esc(s.materialLot()))
                    .append("</td><td>").append(esc(s.materialType())).append(" (").append(esc(s.kind()))
                    .append(")</td><td>").append(esc(s.into())).append("</td><td>").append(esc(num(s.quantity())))
                    .append(' ').append(esc(s.unit())).append("</td><td>")
                    .append(s.rangeFrom() == null ? "" : esc(num(s.rangeFrom()) + "–" + num(s.rangeTo())))
                    .append("</td><td>").append(esc(s.operation() == null ? "" : s.operation())).append("</td><td>")
                    .append(esc(s.equipment() != null ? s.equipment() : "entered by " + s.recordedBy()))
                    .append("</td><td>").append(esc(s.at())).append("</td><td>");
            inlineConditions(sr.environment());
            html.append("</td></tr>");
        }
        html.append("</table>");
    }

    private void rawMaterials(List<MaterialLotView> raw) {
        html.append("<h2>Raw materials</h2><table><tr><th>Lot</th><th>Type</th><th>Supplier</th><th>Supplier lot</th>"
                + "<th>Received</th><th>Expires</th><th>Certificate of analysis</th></tr>");
        for (MaterialLotView m : raw) {
            html.append("<tr><td>").append(esc(m.id())).append("</td><td>").append(esc(m.materialType()))
                    .append("</td><td>").append(esc(m.supplier())).append("</td><td>").append(esc(m.supplierLot()))
                    .append("</td><td>").append(esc(m.createdAt())).append("</td><td>")
                    .append(esc(m.expiresOn() == null ? "" : m.expiresOn())).append("</td><td>")
                    .append(esc(params(m.certificate()))).append("</td></tr>");
        }
        html.append("</table>");
    }

    private void operations(List<OperationRecord> ops) {
        html.append("<h2>Operations</h2><table><tr><th>Operation</th><th>On</th><th>Machine</th><th>Started</th>"
                + "<th>Completed</th><th>Parameters</th><th>Atmosphere</th></tr>");
        for (OperationRecord o : ops) {
            html.append("<tr><td>").append(esc(o.run().operation())).append("</td><td>")
                    .append(o.run().unitKind().equals("CELL") ? "cell" : "lot").append("</td><td>")
                    .append(esc(o.run().equipment())).append("</td><td>")
                    .append(esc(o.run().startedAt() == null ? "" : o.run().startedAt())).append("</td><td>")
                    .append(esc(o.run().completedAt() == null ? "" : o.run().completedAt())).append("</td><td>")
                    .append(esc(params(o.run().parameters()))).append("</td><td>");
            inlineConditions(o.environment());
            html.append("</td></tr>");
        }
        html.append("</table>");
    }

    private void corrections(List<LinkCorrection> corrections) {
        if (corrections.isEmpty()) {
            return;
        }
        html.append("<h2>Corrections</h2><table><tr><th>Link</th><th>Recorded lot</th><th>Replaced by</th>"
                + "<th>Reason</th><th>By</th><th>At</th></tr>");
        for (LinkCorrection c : corrections) {
            html.append("<tr><td>").append(c.corrects()).append("</td><td>").append(esc(c.materialLot()))
                    .append("</td><td>").append(esc(c.replacementMaterialLot() == null ? "(nothing)"
                            : c.replacementMaterialLot())).append("</td><td>").append(esc(c.reason()))
                    .append("</td><td>").append(esc(c.correctedBy())).append("</td><td>").append(esc(c.at()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private void conditions(Conditions c) {
        html.append("<p>");
        inlineConditions(c);
        html.append("</p>");
    }

    private void inlineConditions(Conditions c) {
        if (c == null) {
            html.append("<span class=\"muted\">not read</span>");
            return;
        }
        if (c.enclosures().isEmpty()) {
            html.append("<span class=\"muted\">no monitored room</span>");
            return;
        }
        for (Enclosure e : c.enclosures()) {
            html.append(esc(e.equipment())).append(": ");
            if (e.readings().isEmpty()) {
                html.append("<span class=\"gap\">no reading within the hour before</span>");
            }
            html.append(e.readings().stream().map(AsBuiltDocument::reading).collect(Collectors.joining(", ")));
            if (!e.excursions().isEmpty()) {
                html.append(" <span class=\"bad\">excursion under way (")
                        .append(esc(e.excursions().get(0).tag())).append(")</span>");
            }
            html.append("<br>");
        }
    }

    private static String reading(Reading r) {
        String text = esc(r.tag() + " " + r.value() + (r.unit() == null ? "" : " " + r.unit()));
        return Boolean.FALSE.equals(r.withinLimits()) ? "<span class=\"bad\">" + text + " (out of limits)</span>"
                : text;
    }

    private static String params(Map<String, Object> p) {
        return p == null || p.isEmpty() ? "" : p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String num(BigDecimal n) {
        return n == null ? "" : n.stripTrailingZeros().toPlainString();
    }

    static String esc(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
