package org.pilotline.mes.gateway.ui;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of a machine's page (state history, alarms, trends) and the line's production figures, in English;
 * Simplified Chinese in {@code messages/mc_zh_CN.properties} (MessagesTest keeps the two complete). Used in
 * templates as {@code {mc:key}}.
 */
@MessageBundle(value = "mc", locale = "en")
public interface MachineMsg {

    @Message("Machine")
    String machine_title();

    @Message("Lot")
    String line_lot();

    @Message("Cells: {count}")
    String line_cells(int count);

    @Message("Cell")
    String line_cell();

    @Message("paused")
    String line_paused();

    @Message("No lot in work")
    String line_no_work();

    @Message("Work orders are not answering: lots and work in process are not shown.")
    String line_work_unknown();

    @Message("OEE this shift")
    String line_oee();

    @Message("OEE: no figures yet")
    String line_oee_none();

    @Message("OEE is not available right now.")
    String line_oee_unknown();

    @Message("Shift began")
    String line_shift();

    @Message("Availability")
    String line_availability();

    @Message("Performance")
    String line_performance();

    @Message("Quality")
    String line_quality();

    @Message("Work in process")
    String line_wip();

    @Message("No lot in process.")
    String line_wip_none();

    @Message("Lots in work: {count}")
    String line_wip_lots(int count);

    @Message("Cells in work: {count}")
    String line_wip_cells(int count);

    @Message("Lots waiting: {count}")
    String line_wip_waiting(int count);

    @Message("Open the history of {machine}")
    String line_open_machine(String machine);

    @Message("Back to the line")
    String machine_back();

    @Message("Time range")
    String machine_range();

    @Message("Last hour")
    String range_hour();

    @Message("This shift")
    String range_shift();

    @Message("24 h")
    String range_day();

    @Message("7 days")
    String range_week();

    @Message("From")
    String range_from();

    @Message("To")
    String range_to();

    @Message("Show")
    String range_show();

    @Message("State history")
    String machine_states();

    @Message("No state reported in this range.")
    String machine_states_none();

    @Message("Time per state")
    String machine_per_state();

    @Message("State")
    String machine_state();

    @Message("Mode")
    String machine_mode();

    @Message("From")
    String machine_from();

    @Message("Until")
    String machine_until();

    @Message("Duration")
    String machine_duration();

    @Message("Share")
    String machine_share();

    @Message("now")
    String machine_now();

    @Message("Alarms")
    String machine_alarms();

    @Message("No alarm in this range.")
    String machine_alarms_none();

    @Message("Code")
    String machine_alarm_code();

    @Message("Severity")
    String machine_alarm_severity();

    @Message("Text")
    String machine_alarm_text();

    @Message("Raised")
    String machine_alarm_raised();

    @Message("Cleared")
    String machine_alarm_cleared();

    @Message("still active")
    String machine_alarm_active();

    @Message("Process data")
    String machine_trends();

    @Message("No process data in this range.")
    String machine_trends_none();

    @Message("Tag")
    String machine_tag();

    @Message("All tags")
    String machine_all_tags();

    @Message("Averages over {seconds} s")
    String machine_bucketed(long seconds);

    @Message("Durations as hours:minutes:seconds, within the range.")
    String machine_duration_hint();

    @Message("Only the latest 500 state changes of this range are shown: choose a shorter range to see the rest.")
    String states_cut();
}
