package org.pilotline.mes.gateway.ui;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of the auditor's screens (trace, as-built, recall scope, audit trail, exposure clocks), in English;
 * Simplified Chinese in {@code messages/au_zh_CN.properties} (MessagesTest keeps the two complete). Used in
 * templates as {@code {au:key}}.
 */
@MessageBundle(value = "au", locale = "en")
public interface AuditMsg {

    @Message("Trace")
    String trace_title();

    @Message("Scan or type a cell serial or a material lot: a cell opens its as-built record and what went into it, a lot what it went into.")
    String search_explained();

    @Message("Cell serial or material lot")
    String scan_cell_or_lot();

    @Message("Find")
    String find();

    @Message("Nothing known as {query}.")
    String nothing_found(String query);

    @Message("Cell")
    String cell();

    @Message("More")
    String more();

    @Message("Audit trail")
    String audit_title();

    @Message("As-built record of")
    String as_built_of();

    @Message("Print")
    String print();

    @Message("Find another")
    String find_another();

    @Message("module")
    String module();

    @Message("Made")
    String made();

    @Message("Air at its birth")
    String birth_air();

    @Message("Not known (the record was made without it)")
    String gaps();

    @Message("What went into it")
    String backward_graph();

    @Message("Every material step")
    String materials();

    @Message("Steps from the cell")
    String step();

    @Message("Material lot")
    String material_lot();

    @Message("Went into")
    String went_into();

    @Message("Amount")
    String amount();

    @Message("Operation and machine")
    String operation_machine();

    @Message("When")
    String when();

    @Message("Air")
    String air();

    @Message("Raw lots")
    String raw_lots();

    @Message("Supplier")
    String supplier();

    @Message("Certificate")
    String certificate();

    @Message("No certificate")
    String no_certificate();

    @Message("Expires")
    String expires();

    @Message("Operations")
    String operations();

    @Message("Operator")
    String operator();

    @Message("Machine settings")
    String settings();

    @Message("Corrected links")
    String corrections();

    @Message("Record generated")
    String generated_at();

    @Message("Material")
    String material();

    @Message("raw")
    String kind_RAW();

    @Message("intermediate")
    String kind_INTERMEDIATE();

    @Message("consumable")
    String kind_CONSUMABLE();

    @Message("Exposure clock")
    String exposure_clock();

    @Message("No clock runs for this lot: it has not been moved.")
    String no_clock();

    @Message("inert")
    String atmosphere_INERT();

    @Message("dry")
    String atmosphere_DRY();

    @Message("ambient air")
    String atmosphere_AMBIENT();

    @Message("since")
    String since();

    @Message("Limit exceeded at")
    String exceeded_at();

    @Message("Where it went (recall scope)")
    String forward_title();

    @Message("cells reached")
    String cells_reached();

    @Message("production lots")
    String production_lots();

    @Message("intermediate lots")
    String intermediate_lots();

    @Message("modules")
    String modules();

    @Message("Download every cell (CSV)")
    String download_csv();

    @Message("It reached no cell.")
    String no_cells();

    @Message("Steps away")
    String steps_away();

    @Message("Previous")
    String previous();

    @Message("Next")
    String next();

    @Message("Page {page} of {pages}")
    String page_of(int page, int pages);

    @Message("What it was made from")
    String made_from();

    @Message("Not verified: the service did not answer.")
    String chain_not_asked();

    @Message("Chain intact: {rows} rows verified")
    String chain_intact(long rows);

    @Message("Chain broken at row {seq}")
    String chain_broken(long seq);

    @Message("Each service links every audit row to the one before it by a hash; the check recomputes the whole chain now.")
    String chain_explained();

    @Message("Kind of entity")
    String entity_type();

    @Message("Its id (empty: all)")
    String entity_id();

    @Message("Show the trail")
    String show_trail();

    @Message("Audit trail of")
    String trail_of();

    @Message("No audit rows for it.")
    String no_rows();

    @Message("Who")
    String who();

    @Message("Action")
    String action();

    @Message("Change")
    String change();

    @Message("Exposure clocks")
    String exposure_clocks();

    @Message("Sulfide materials hydrolyse in moist air: each lot's minutes outside inert or dry air against its material's limit, the nearest to its limit first.")
    String exposure_explained();

    @Message("No exposure clock is running.")
    String no_clocks();

    @Message("Where")
    String where();

    @Message("Exposed")
    String exposed();

    @Message("Exceeded")
    String exceeded();
}
