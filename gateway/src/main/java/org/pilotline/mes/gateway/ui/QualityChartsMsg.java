package org.pilotline.mes.gateway.ui;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of quality's charts (SPC, Pareto, grading, stage comparison) and file uploads, in English; Simplified
 * Chinese in {@code messages/qc_zh_CN.properties} (MessagesTest keeps the two complete). Used in templates as {@code
 * {qc:key}}.
 */
@MessageBundle(value = "qc", locale = "en")
public interface QualityChartsMsg {

    @Message("SPC")
    String spc_title();

    @Message("Product")
    String product();

    @Message("Choose a product")
    String choose_product();

    @Message("Characteristic")
    String characteristic();

    @Message("Chart")
    String chart_type();

    @Message("I-MR: individuals")
    String chart_imr();

    @Message("X̄-R: subgroup means")
    String chart_xbar();

    @Message("Subgroup size")
    String subgroup();

    @Message("Period")
    String period();

    @Message("{#if days == 1}Last 24 hours{#else}Last {days} days{/if}")
    String last_days(int days);

    @Message("Show")
    String show();

    @Message("Too few measurements for a chart")
    String too_few();

    @Message("Choose a longer period, or wait until more values are measured.")
    String too_few_hint();

    @Message("This product has no inspection plan with characteristics")
    String no_plan();

    @Message("Quality releases a plan (or a released routing brings one); then its characteristics can be charted.")
    String no_plan_hint();

    @Message("The chart cannot be shown")
    String chart_refused();

    @Message("Choose a product and a characteristic to see its control chart.")
    String choose_hint();

    @Message("mean")
    String mean();

    @Message("capable (≥ 1.33)")
    String verdict_capable();

    @Message("marginal (1.00–1.33)")
    String verdict_marginal();

    @Message("not capable (< 1.00)")
    String verdict_incapable();

    @Message("needs a specification limit")
    String verdict_none();

    @Message("Control limits fixed by the inspection plan")
    String limits_from_plan();

    @Message("Control limits computed from the data shown")
    String limits_from_data();

    @Message("plan version {version}")
    String plan_version(int version);

    @Message("no specification limits: Cp, Cpk, Pp, Ppk need at least one")
    String no_spec_limits();

    @Message("Individual values")
    String individuals();

    @Message("Subgroup means (n = {size})")
    String subgroup_means(int size);

    @Message("Moving range (MR)")
    String moving_range();

    @Message("Subgroup range (R)")
    String subgroup_range();

    @Message("UCL")
    String line_ucl();

    @Message("CL")
    String line_cl();

    @Message("LCL")
    String line_lcl();

    @Message("USL")
    String line_usl();

    @Message("LSL")
    String line_lsl();

    @Message("Rule")
    String rule_short();

    @Message("Point")
    String point();

    @Message("Cell or lot")
    String item();

    @Message("Points that break a Nelson rule")
    String violations_title();

    @Message("No point breaks a Nelson rule in this period.")
    String no_violations();

    @Message("Time")
    String time();

    @Message("Value")
    String value();

    @Message("Nelson rule")
    String rule();

    @Message("What it means")
    String meaning();

    @Message("Points of the pattern")
    String pattern();

    @Message("One point more than 3 sigma from the centre line")
    String rule_1();

    @Message("Nine points in a row on the same side of the centre line")
    String rule_2();

    @Message("Six points in a row steadily rising or falling")
    String rule_3();

    @Message("Fourteen points in a row alternating up and down")
    String rule_4();

    @Message("Two of three points in a row more than 2 sigma from the centre, on the same side")
    String rule_5();

    @Message("Four of five points in a row more than 1 sigma from the centre, on the same side")
    String rule_6();

    @Message("Fifteen points in a row within 1 sigma of the centre line")
    String rule_7();

    @Message("Eight points in a row more than 1 sigma from the centre, on either side")
    String rule_8();

    @Message("Pareto of nonconformances")
    String pareto_title();

    @Message("All products")
    String all_products();

    @Message("No nonconformance reports in this period.")
    String no_ncrs();

    @Message("NCRs")
    String ncrs_total();

    @Message("Defect codes")
    String defect_codes();

    @Message("Count")
    String count();

    @Message("Running share")
    String running_share();

    @Message("Defect code")
    String defect_code();

    @Message("Share")
    String share();

    @Message("Grading by bin")
    String grading_title();

    @Message("This product has no grade bins")
    String no_bins();

    @Message("Quality sets the grade bins of a format before its cells can be graded.")
    String no_bins_hint();

    @Message("Cells graded")
    String cells_graded();

    @Message("Outside every bin")
    String outside_every_bin();

    @Message("Cells")
    String cells();

    @Message("Grade")
    String grade();

    @Message("No cell of this product was graded in this period.")
    String no_cells_graded();

    @Message("Bounds")
    String bounds();

    @Message("each has an NCR (OUT-OF-BIN)")
    String outside_means_ncr();

    @Message("Stages from 1 Ah sample to 60 Ah production")
    String stages_title();

    @Message("No cells were measured in this period.")
    String no_stage_data();

    @Message("Bars: Cpk of each characteristic per product (1.33 is the target line); line: yield, the share of cells whose every latest measurement passed.")
    String stages_hint();

    @Message("Yield")
    String yield();

    @Message("target Cpk 1.33")
    String cpk_target();

    @Message("Stage")
    String stage();

    @Message("Cells measured")
    String cells_measured();

    @Message("Cells passed")
    String cells_passed();

    @Message("Cycler files")
    String uploads_title();

    @Message("Upload a cycler's export of formation, aging and grading results: each cell is judged, graded into its bin, and gets an NCR when it fits no bin. A file with one bad line is refused as a whole.")
    String uploads_hint();

    @Message("Cycler")
    String cycler();

    @Message("Needed for a CSV file; a JSON file names its cycler itself.")
    String cycler_note();

    @Message("File (CSV or JSON, at most 2 MB)")
    String file();

    @Message("The cycler's CSV export with its header line, or the JSON import.")
    String file_note();

    @Message("The file is larger than 2 MB. Split it into several files.")
    String file_too_large();

    @Message("Upload and grade")
    String upload();

    @Message("The CSV format")
    String csv_format();

    @Message("{cells} cells from cycler {cycler} imported and graded.")
    String imported(int cells, String cycler);

    @Message("Cells in a bin")
    String cells_in_a_bin();

    @Message("NCRs opened")
    String ncrs_opened();

    @Message("Cell")
    String cell();

    @Message("Verdict")
    String verdict();

    @Message("Reasons")
    String reasons();

    @Message("Refused: nothing from this file was recorded")
    String nothing_recorded();

    @Message("{count} problems; correct every line below and upload the whole file again.")
    String refused_lines(int count);

    @Message("Line")
    String line();

    @Message("Reason")
    String reason();

    @Message("The file is empty. Choose the cycler's export.")
    String file_empty();

    @Message("This is not a text file (CSV or JSON): perhaps a spreadsheet or an image. Export it as CSV from the cycler.")
    String file_binary();

    @Message("Name the cycler (letters, digits, - and _) for a CSV file.")
    String cycler_missing();

    @Message("No answer from quality: the file may have been recorded. Send it again as it is: it is recorded once at most.")
    String outcome_unknown();
}
