package org.pilotline.mes.gateway.ui;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of quality's boards (holds, nonconformance reports) and the quality section's tabs, in English;
 * Simplified Chinese in {@code messages/qm_zh_CN.properties} (MessagesTest keeps the two complete). Used in
 * templates as {@code {qm:key}}.
 */
@MessageBundle(value = "qm", locale = "en")
public interface QualityMsg {

    @Message("Quality")
    String quality_title();

    @Message("Holds")
    String tab_holds();

    @Message("Nonconformances")
    String tab_ncrs();

    @Message("Pareto")
    String tab_pareto();

    @Message("SPC")
    String tab_spc();

    @Message("Grading")
    String tab_grading();

    @Message("Stages 1 Ah to 60 Ah")
    String tab_stages();

    @Message("Cycler files")
    String tab_uploads();

    @Message("Holds")
    String holds_title();

    @Message("Open")
    String holds_open();

    @Message("Released")
    String holds_released();

    @Message("All")
    String holds_all();

    @Message("Lot")
    String item_LOT();

    @Message("Cell")
    String item_CELL();

    @Message("Material lot")
    String item_MATERIAL_LOT();

    @Message("Machine")
    String item_EQUIPMENT();

    @Message("Placed by a person")
    String source_PERSON();

    @Message("Quality rule")
    String source_RULE();

    @Message("Exposure clock")
    String source_EXPOSURE();

    @Message("Atmosphere excursion")
    String source_EXCURSION();

    @Message("Item")
    String hold_item();

    @Message("Kind of item")
    String hold_item_type();

    @Message("Placed by")
    String hold_source();

    @Message("Placed")
    String hold_placed();

    @Message("Held for")
    String held_for();

    @Message("Released by")
    String released_by();

    @Message("Why it was released")
    String release_reason();

    @Message("Release…")
    String release();

    @Message("No holds here.")
    String no_holds();

    @Message("Place a hold")
    String place_hold();

    @Message("Place the hold")
    String place_hold_button();

    @Message("The hold is placed: the item is blocked everywhere until quality releases it.")
    String hold_placed_done();

    @Message("Scan or type")
    String scan_or_type();

    @Message("Hold {id}")
    String hold_title(long id);

    @Message("Open")
    String hold_open();

    @Message("Released")
    String hold_released();

    @Message("All holds")
    String back_to_holds();

    @Message("Release under signature")
    String release_title();

    @Message("Only quality releases a hold, under an electronic signature.")
    String release_only_quality();

    @Message("Nonconformance reports")
    String ncrs_title();

    @Message("Open")
    String ncr_OPEN();

    @Message("Disposed")
    String ncr_DISPOSED();

    @Message("No nonconformance reports here.")
    String no_ncrs();

    @Message("Number")
    String ncr_number();

    @Message("Defect")
    String defect();

    @Message("Items")
    String items();

    @Message("Opened")
    String opened();

    @Message("Disposed")
    String disposed();

    @Message("Scrap")
    String disposition_SCRAP();

    @Message("Rework")
    String disposition_REWORK();

    @Message("Use as is")
    String disposition_USE_AS_IS();

    @Message("Return to supplier")
    String disposition_RETURN_TO_SUPPLIER();

    @Message("Open a nonconformance report")
    String open_ncr();

    @Message("Open the report")
    String open_ncr_button();

    @Message("Defect code")
    String defect_code();

    @Message("(empty: the items' product)")
    String product_note();

    @Message("(one per line: scan them)")
    String items_note();

    @Message("Description")
    String description();

    @Message("All reports")
    String back_to_ncrs();

    @Message("Root cause")
    String root_cause();

    @Message("Save the root cause")
    String save_root_cause();

    @Message("The root cause is recorded.")
    String root_cause_saved();

    @Message("No root cause recorded yet.")
    String no_root_cause();

    @Message("Disposition under signature")
    String disposition_title();

    @Message("Only quality disposes of a nonconformance, under an electronic signature.")
    String dispose_only_quality();

    @Message("released after review")
    String meaning_released_after_review();

    @Message("released after re-inspection")
    String meaning_released_after_reinspection();

    @Message("disposition approved")
    String meaning_disposition_approved();
}
