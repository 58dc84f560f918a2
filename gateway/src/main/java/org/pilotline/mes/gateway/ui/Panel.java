package org.pilotline.mes.gateway.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.pilotline.mes.gateway.ui.StationViews.MaterialLot;
import org.pilotline.mes.gateway.ui.StationViews.Operation;
import org.pilotline.mes.gateway.ui.StationViews.ManualEntry;

/**
 * The work panel of the station console: one operation of one lot (or of one scanned cell), what the operator
 * may do with it now, and the outcome of the last thing they did.
 *
 * @param planned the lot's planned quantity, the good count offered for a whole lot
 * @param toMeasure what the operator may enter by hand: this operation's manual characteristics, and those the
 *        operation before still misses (its gate holds this one back)
 * @param material a material lot just scanned, offered for booking into the lot or cell
 * @param refusal what the last action was refused for, in plain words; null when it was not refused
 * @param refusedForm which form was refused (start, complete, pause, resume, material, measurement), so its
 *        values stay and the refusal shows beside it
 * @param values what the person had typed into the refused form
 * @param done message key of what the last action achieved, or null
 * @param key a fresh idempotency key for each form of the panel: one submission, applied once however often it is
 *        sent
 */
public record Panel(String station, String lot, String product, int planned, Operation operation, String cell,
        List<ManualEntry> toMeasure, MaterialLot material, ServiceProblem refusal, String refusedForm,
        Map<String, String> values, String done, String key) {

    static Panel of(String station, String lot, String product, int planned, Operation operation, String cell,
            List<ManualEntry> toMeasure) {
        return new Panel(station, lot, product, planned, operation, cell, toMeasure, null, null, null, Map.of(), null,
                newKey());
    }

    Panel refused(String form, ServiceProblem problem, Map<String, String> typed) {
        return new Panel(station, lot, product, planned, operation, cell, toMeasure, material, problem, form, typed, null,
                Forms.keyToResend(problem, typed));
    }

    Panel done(String messageKey) {
        return new Panel(station, lot, product, planned, operation, cell, toMeasure, material, null, null, Map.of(),
                messageKey, newKey());
    }

    Panel withMaterial(MaterialLot scanned) {
        return new Panel(station, lot, product, planned, operation, cell, toMeasure, scanned, refusal, refusedForm, values,
                done, key);
    }

    /** What the person typed into a field of the refused form, else empty. */
    public String value(String field) {
        String v = values.get(field);
        return v == null ? "" : v;
    }

    /** A refusal not tied to one measurement's form shows at the top of the panel. */
    public boolean refusalAtTop() {
        return refusal != null && (refusedForm == null || !refusedForm.startsWith("measurement:"));
    }

    /** What the person typed into a field of the refused form, else the default. */
    public String valueOr(String field, Object otherwise) {
        String v = values.get(field);
        return v == null ? String.valueOf(otherwise) : v;
    }

    public boolean refusedIn(String form) {
        return refusal != null && form.equals(refusedForm);
    }

    public boolean hasManualEntry() {
        return !toMeasure.isEmpty();
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }
}
