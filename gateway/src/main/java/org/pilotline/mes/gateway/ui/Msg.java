package org.pilotline.mes.gateway.ui;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every string of the UI, in English; Simplified Chinese in {@code messages/msg_zh_CN.properties} (a test keeps
 * the two complete). Keys with a prefix (state_, problem_, reason_, ...) are looked up by code at run time.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    // frame
    @Message("Pilot-line MES")
    String app_name();

    @Message("MES")
    String app_short();

    @Message("中文")
    String other_language();

    @Message("Log out")
    String logout();

    @Message("Log in")
    String login();

    @Message("Try again")
    String try_again();

    @Message("No connection to the MES. What you typed stays here; send it again when the connection is back.")
    String offline();

    @Message("Your session has ended. What you typed is kept: log in again to continue.")
    String session_ended_kept();

    @Message("No one has touched this tablet for a while: it logs out in a minute.")
    String idle_warning();

    @Message("Not sent: the MES could not be reached. Your entry is still here; send it again. It will be applied only once.")
    String not_sent();

    @Message("No answer from the MES: your entry is still here. Send it again; it will be applied only once.")
    String not_answered();

    @Message("You are logged out.")
    String logged_out();

    @Message("You were logged out because nobody used this tablet for a while.")
    String logged_out_idle();

    @Message("Your session had ended. Please log in again.")
    String logged_out_expired();

    @Message("The login was cancelled.")
    String login_cancelled();

    @Message("The login could not be completed: the login service did not answer as expected. Try again in a moment.")
    String login_failed();

    @Message("What you had typed before the session ended was restored. Check it and send it.")
    String draft_restored();

    @Message("Choose…")
    String choose();

    @Message("Open")
    String open();

    // navigation
    @Message("Station")
    String nav_station();

    @Message("Work orders")
    String nav_orders();

    @Message("Lots")
    String nav_lots();

    @Message("Qualifications")
    String nav_qualifications();

    @Message("Line")
    String nav_line();

    // units of time in a sentence or a table
    @Message("h")
    String unit_hours();

    @Message("min")
    String unit_minutes();

    @Message("< 1 min")
    String under_a_minute();

    @Message("Quality")
    String nav_quality();

    @Message("Trace")
    String nav_trace();

    @Message("Release of hold")
    String manifest_release_hold();

    @Message("Item")
    String manifest_item();

    @Message("Held because")
    String manifest_held_because();

    @Message("Nonconformance")
    String manifest_ncr();

    @Message("Defect")
    String manifest_defect();

    @Message("Disposition")
    String manifest_disposition();

    // the live line
    @Message("Live line")
    String line_title();

    @Message("As of")
    String line_as_of();

    @Message("No state reported")
    String line_no_state();

    @Message("Excursion")
    String line_excursion();

    @Message("limits")
    String line_limits();

    @Message("Active alarms: {count}")
    String line_alarm_count(int count);

    // station console
    @Message("Choose your station")
    String choose_station();

    @Message("Scan the station's barcode")
    String scan_station();

    @Message("…or tap it in the list")
    String or_pick_station();

    @Message("Change station")
    String change_station();

    @Message("This station may not take work now:")
    String station_unavailable();

    @Message("May take work")
    String station_available();

    @Message("State not reported yet")
    String state_unknown();

    @Message("Scan a lot, a cell or a material lot")
    String scan_anything();

    @Message("Work for this station")
    String dispatch_title();

    @Message("Nothing waits for this station right now.")
    String dispatch_empty();

    @Message("Tap a job in the list or scan a lot to open it.")
    String panel_empty();

    @Message("Priority {n}")
    String priority_n(int n);

    @Message("due {date}")
    String due(String date);

    @Message("One cell")
    String cell_mode();

    @Message("at")
    String at_station();

    @Message("Start for the whole lot")
    String start_lot();

    @Message("Start for this cell")
    String start_cell();

    @Message("To run it for one cell only, scan the cell's serial.")
    String scan_cell_to_start();

    @Message("Paused by {who} at {when}:")
    String paused_by(String who, String when);

    @Message("Resume")
    String resume();

    @Message("Complete the operation")
    String complete_title();

    @Message("target")
    String target();

    @Message("limits")
    String limits();

    @Message("outside the limits")
    String out_of_limits();

    @Message("Why is a value outside its limits acceptable?")
    String out_of_limit_reason();

    @Message("(required: quality is told)")
    String out_of_limit_reason_note();

    @Message("Good")
    String good();

    @Message("Scrap")
    String scrap();

    @Message("Scrap reason")
    String scrap_reason();

    @Message("Complete")
    String complete();

    @Message("Pause")
    String pause();

    @Message("Why pause?")
    String pause_reason();

    @Message("Completed by {who} at {when}.")
    String completed_by(String who, String when);

    @Message("Book material")
    String book_material();

    @Message("Scan the material lot's label to book it into this lot.")
    String scan_material();

    @Message("on hand")
    String on_hand();

    @Message("Quantity")
    String quantity();

    @Message("Unit")
    String unit();

    @Message("Book into the lot")
    String book_into_lot();

    @Message("Book into the cell")
    String book_into_cell();

    @Message("Measurements to enter")
    String measurements();

    @Message("{n} measured")
    String measured_count(int n);

    @Message("still to measure:")
    String still_to_measure();

    @Message("Cell")
    String measured_item();

    @Message("the whole lot")
    String whole_lot();

    @Message("Value")
    String value();

    @Message("Record the measurement")
    String record_measurement();

    // outcomes
    @Message("Started.")
    String done_started();

    @Message("Paused.")
    String done_paused();

    @Message("Resumed.")
    String done_resumed();

    @Message("Completed.")
    String done_completed();

    @Message("Material booked.")
    String done_material_booked();

    @Message("Measurement recorded.")
    String done_measured();

    // scrap reasons
    @Message("Damaged")
    String scrap_DAMAGED();

    @Message("Contaminated")
    String scrap_CONTAMINATED();

    @Message("Out of dimension")
    String scrap_DIMENSION();

    @Message("Short circuit")
    String scrap_SHORT_CIRCUIT();

    @Message("Leak")
    String scrap_LEAK();

    @Message("Other")
    String scrap_OTHER();

    // states (PackML, operations, work orders, lots, material, quality, qualifications)
    @Message("Stopped")
    String state_STOPPED();

    @Message("Resetting")
    String state_RESETTING();

    @Message("Idle")
    String state_IDLE();

    @Message("Starting")
    String state_STARTING();

    @Message("Running")
    String state_EXECUTE();

    @Message("Completing")
    String state_COMPLETING();

    @Message("Complete")
    String state_COMPLETE();

    @Message("Aborting")
    String state_ABORTING();

    @Message("Aborted")
    String state_ABORTED();

    @Message("Stopping")
    String state_STOPPING();

    @Message("Clearing")
    String state_CLEARING();

    @Message("Suspending")
    String state_SUSPENDING();

    @Message("Suspended")
    String state_SUSPENDED();

    @Message("Unsuspending")
    String state_UNSUSPENDING();

    @Message("Holding")
    String state_HOLDING();

    @Message("Held")
    String state_HELD();

    @Message("Unholding")
    String state_UNHOLDING();

    @Message("Waiting")
    String state_PENDING();

    @Message("Ready")
    String state_READY();

    @Message("Started")
    String state_STARTED();

    @Message("Paused")
    String state_PAUSED();

    @Message("Completed")
    String state_COMPLETED();

    @Message("Created")
    String state_CREATED();

    @Message("Released")
    String state_RELEASED();

    @Message("Running")
    String state_RUNNING();

    @Message("Ended")
    String state_ENDED();

    @Message("Cancelled")
    String state_CANCELLED();

    @Message("In process")
    String state_IN_PROCESS();

    @Message("Approved")
    String state_APPROVED();

    @Message("Rejected")
    String state_REJECTED();

    @Message("Available")
    String state_AVAILABLE();

    @Message("On hold")
    String state_ON_HOLD();

    @Message("Consumed")
    String state_CONSUMED();

    @Message("Scrapped")
    String state_SCRAPPED();

    @Message("Passed")
    String state_PASS();

    @Message("Failed")
    String state_FAIL();

    @Message("Valid")
    String state_VALID();

    @Message("Expired")
    String state_EXPIRED();

    @Message("Revoked")
    String state_REVOKED();

    @Message("One cell")
    String state_CELL();

    @Message("Production")
    String mode_PRODUCTION();

    @Message("Maintenance")
    String mode_MAINTENANCE();

    @Message("Manual")
    String mode_MANUAL();

    @Message("Information")
    String severity_INFO();

    @Message("Warning")
    String severity_WARNING();

    @Message("Critical")
    String severity_CRITICAL();

    // why a station may not take work, why quality does not clear a start
    @Message("Machine state")
    String reason_equipment_state();

    @Message("In maintenance mode")
    String reason_maintenance_mode();

    @Message("Critical alarm")
    String reason_critical_alarm();

    @Message("Calibration overdue")
    String reason_calibration_overdue();

    @Message("Maintenance overdue")
    String reason_maintenance_overdue();

    @Message("Quality gate failed")
    String reason_gate_failed();

    @Message("Quality gate waiting for measurements")
    String reason_gate_pending();

    @Message("On hold")
    String reason_on_hold();

    // refusals, by problem type
    @Message("Not done: the service refused it.")
    String problem_refused();

    @Message("Not done: a service of the MES cannot answer right now. Try again in a moment.")
    String problem_unavailable();

    @Message("The operation before this one is not completed yet.")
    String problem_previous_operation_open();

    @Message("This operation was already started.")
    String problem_operation_already_started();

    @Message("The work order is not running (held, suspended or finished).")
    String problem_work_order_not_running();

    @Message("This lot is finished: nothing more can be done on it.")
    String problem_lot_finished();

    @Message("You do not hold a valid qualification for this operation.")
    String problem_operator_not_qualified();

    @Message("This operation must be started at a station.")
    String problem_station_required();

    @Message("This station is not known to the MES.")
    String problem_unknown_station();

    @Message("Wrong station: this operation needs another kind of equipment.")
    String problem_wrong_station();

    @Message("The station may not take work now.")
    String problem_equipment_not_available();

    @Message("Quality has not passed the step before: its quality gate failed.")
    String problem_quality_gate_failed();

    @Message("Quality is still waiting for measurements of the step before.")
    String problem_quality_gate_pending();

    @Message("On hold: quality holds this lot, a cell of it, or the station.")
    String problem_on_hold();

    @Message("The equipment service cannot answer, so nothing may start. Try again in a moment.")
    String problem_equipment_unavailable();

    @Message("The quality service cannot answer, so nothing may start or be approved. Try again in a moment.")
    String problem_quality_unavailable();

    @Message("The operation is paused: resume it first.")
    String problem_operation_paused();

    @Message("The operation is not paused.")
    String problem_operation_not_paused();

    @Message("The operation is not running.")
    String problem_operation_not_running();

    @Message("A value is outside its limits: give the reason why it is acceptable, or correct the value.")
    String problem_parameter_out_of_limit();

    @Message("Some parameters are missing or unknown.")
    String problem_parameters_invalid();

    @Message("Scrap needs a reason.")
    String problem_scrap_reason_required();

    @Message("Cells are still in this operation: complete them first.")
    String problem_cells_in_process();

    @Message("This cell was scrapped.")
    String problem_cell_scrapped();

    @Message("This serial is misread (its check digit is wrong): scan it again.")
    String problem_invalid_serial();

    @Message("Not found.")
    String problem_not_found();

    @Message("Not possible in the current state.")
    String problem_illegal_transition();

    @Message("A reason is required.")
    String problem_reason_required();

    @Message("The lot is not ready for approval: operations are still open.")
    String problem_lot_not_ready();

    @Message("Quality says this lot is not OK:")
    String problem_lot_not_ok();

    @Message("This lot was already decided.")
    String problem_lot_already_decided();

    @Message("You completed the lot's last operation yourself: another supervisor must sign (four eyes).")
    String problem_signer_executed_last_operation();

    @Message("The password was not entered recently enough for a signature. Sign again.")
    String problem_signature_too_old();

    @Message("The password was not entered recently enough for a signature. Sign again.")
    String problem_signature_stale_authentication();

    @Message("A signature needs a meaning and a reason.")
    String problem_signature_incomplete();

    @Message("This material lot cannot be used (consumed or scrapped).")
    String problem_material_lot_not_available();

    @Message("Not enough of this material lot on hand.")
    String problem_insufficient_quantity();

    @Message("This material lot has expired.")
    String problem_material_lot_expired();

    @Message("This material lot is on hold.")
    String problem_material_lot_on_hold();

    @Message("This material lot was exposed to air for too long (exposure clock exceeded).")
    String problem_exposure_exceeded();

    @Message("The unit does not match the material lot's unit.")
    String problem_unit_mismatch();

    @Message("Name the lot or the cell the material went into.")
    String problem_lot_or_cell();

    @Message("Some fields are not valid.")
    String problem_validation();

    @Message("Someone else changed this at the same moment. Look again and repeat.")
    String problem_concurrent_update();

    @Message("A service of the MES cannot be reached. Try again in a moment.")
    String problem_service_unavailable();

    @Message("A service of the MES is too slow to answer. Try again in a moment.")
    String problem_service_timeout();

    @Message("Your role may not do this.")
    String problem_forbidden();

    @Message("The login service (Keycloak) cannot be reached. You are still logged in; try again in a moment.")
    String problem_keycloak_unavailable();

    @Message("This entry was already sent with other values. Reload the page and enter it again.")
    String problem_idempotency_key_reused();

    @Message("Unknown product.")
    String problem_unknown_product();

    @Message("This qualification was revoked already.")
    String problem_qualification_revoked();

    @Message("This lot is not waiting at this station.")
    String problem_lot_not_at_station();

    @Message("This cell is not waiting at this station.")
    String problem_cell_not_at_station();

    @Message("Open an operation first, then scan the material to book into it.")
    String problem_open_an_operation_first();

    @Message("This code is not a station, lot, cell or material lot the MES knows.")
    String problem_unknown_code();

    @Message("Not a number:")
    String problem_not_a_number();

    // lists, filters, forms
    @Message("All")
    String all();

    @Message("Showing {shown} of {total}")
    String shown_of(int shown, long total);

    @Message("Work order")
    String work_order();

    @Message("Lot")
    String lot();

    @Message("Product")
    String product();

    @Message("Stage")
    String stage();

    @Message("State")
    String state();

    @Message("Planned")
    String planned();

    @Message("Planned quantity (cells)")
    String planned_quantity();

    @Message("Lot size")
    String lot_size();

    @Message("(empty: one lot)")
    String lot_size_note();

    @Message("Priority")
    String priority();

    @Message("(1 runs first)")
    String priority_note();

    @Message("Due date")
    String due_date();

    @Message("Progress")
    String progress();

    @Message("Routing")
    String routing();

    @Message("Reason")
    String reason();

    @Message("Why it is in this state")
    String state_reason();

    @Message("Change")
    String change();

    @Message("New work order")
    String new_order();

    @Message("Create the work order")
    String create_order();

    @Message("No work orders match.")
    String no_orders();

    @Message("No lots yet: releasing the work order creates them.")
    String no_lots_yet();

    @Message("No lots match.")
    String no_lots();

    @Message("Scan or type a lot")
    String scan_lot();

    @Message("{done} of {total} operations done")
    String operations_done(long done, int total);

    // work-order moves
    @Message("Release")
    String action_release();

    @Message("Start")
    String action_start();

    @Message("Hold")
    String action_hold();

    @Message("Resume")
    String action_resume();

    @Message("Suspend")
    String action_suspend();

    @Message("End")
    String action_end();

    @Message("Abort")
    String action_abort();

    @Message("Cancel the order")
    String action_cancel();

    @Message("Released: its lots are created and can be run.")
    String done_release();

    @Message("Started.")
    String done_start();

    @Message("Held.")
    String done_hold();

    @Message("Resumed.")
    String done_resume();

    @Message("Suspended.")
    String done_suspend();

    @Message("Ended.")
    String done_end();

    @Message("Aborted.")
    String done_abort();

    @Message("Cancelled.")
    String done_cancel();

    // stages
    @Message("1 Ah sample")
    String stage_SAMPLE();

    @Message("10 Ah validation")
    String stage_VALIDATION();

    @Message("20 Ah process")
    String stage_PROCESS();

    @Message("60 Ah production")
    String stage_PRODUCTION();

    // lots, disposition, approval
    @Message("Quality's disposition")
    String quality_disposition();

    @Message("Quality says OK: every gate passed, nothing is open against the lot.")
    String quality_ok();

    @Message("{passed} of {cells} cells passed")
    String yield_line(int passed, int cells);

    @Message("Decision")
    String decision_title();

    @Message("Decision")
    String decision();

    @Message("Approve for release")
    String approve();

    @Message("Reject")
    String reject();

    @Message("Approve")
    String decision_APPROVE();

    @Message("Reject")
    String decision_REJECT();

    @Message("This lot is decided:")
    String already_decided();

    @Message("Only a lot whose operations are all completed (Ready) can be approved; it can be rejected at any time.")
    String approve_only_ready();

    @Message("Meaning of the signature")
    String meaning();

    @Message("e.g. approved for release")
    String meaning_hint();

    @Message("Review and sign")
    String review_and_sign();

    @Message("Signature manifest")
    String signature_manifest();

    @Message("Printed name")
    String printed_name();

    @Message("Date and time")
    String date_time();

    @Message("To sign, enter your password again. The decision is sent only after that, in your name, with this meaning and reason.")
    String sign_explained();

    @Message("Sign: enter my password")
    String sign_with_password();

    @Message("Signed and recorded.")
    String signature_applied();

    @Message("Not signed: the password was entered by another person than the one logged in.")
    String signature_other_person();

    @Message("Not signed: the password was not entered recently enough. Sign again.")
    String signature_not_fresh();

    @Message("Not signed: the signature request had expired. Sign again.")
    String signature_gone();

    @Message("Not signed: the password was not entered.")
    String signature_cancelled();

    // qualifications
    @Message("Grant a qualification")
    String grant();

    @Message("User")
    String user();

    @Message("Qualification")
    String qualification();

    @Message("Valid until")
    String valid_until();

    @Message("(empty: until revoked)")
    String valid_until_note();

    @Message("until revoked")
    String until_revoked();

    @Message("Granted by")
    String granted_by();

    @Message("Revoke")
    String revoke();

    @Message("Revoke {qualification} of {user}?")
    String revoke_confirm(String qualification, String user);

    @Message("No qualifications recorded.")
    String no_qualifications();

    @Message("Valid only")
    String valid_only();

    @Message("With expired and revoked")
    String with_expired();

    @Message("Granted.")
    String done_granted();

    @Message("Revoked.")
    String done_revoked();
}
