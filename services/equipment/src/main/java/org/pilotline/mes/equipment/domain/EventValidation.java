package org.pilotline.mes.equipment.domain;

import java.math.BigDecimal;
import java.util.List;

import org.pilotline.mes.contracts.Topics;
import org.pilotline.mes.contracts.equipment.EquipmentEvent;
import org.pilotline.mes.contracts.equipment.MaterialInput;
import org.pilotline.mes.kit.messaging.RejectedMessage;

/** The fields each event type requires (design brief, section 3); a message that lacks one is rejected. */
final class EventValidation {

    private EventValidation() {
    }

    static void check(EquipmentEvent e) {
        switch (e.type()) {
            case "cell.assembled" -> {
                id("cell", e.cell());
                id("lot", e.lot());
                inputs(e.inputs(), true);
            }
            case "material.produced" -> {
                id("materialLot", e.materialLot());
                required("materialType", e.materialType());
                positive("quantity", e.quantity());
                required("unit", e.unit());
                inputs(e.inputs(), false);
                if (e.parentRange() != null && (e.parentRange().from() == null || e.parentRange().to() == null
                        || e.parentRange().from().compareTo(e.parentRange().to()) >= 0)) {
                    throw malformed("parentRange needs from < to");
                }
            }
            case "material.consumed" -> {
                id("materialLot", e.materialLot());
                positive("quantity", e.quantity());
                required("unit", e.unit());
                lotOrCell(e);
            }
            case "unit.started", "unit.completed" -> {
                required("operation", e.operation());
                lotOrCell(e);
                if (e.parameters() != null) {
                    count("parameters.good", e.parameters().get("good"));
                    count("parameters.scrap", e.parameters().get("scrap"));
                }
            }
            case "measurement" -> {
                required("characteristic", e.characteristic());
                if (e.value() == null) {
                    throw malformed("measurement without value");
                }
                required("unit", e.unit());
                if (e.cell() == null && e.lot() == null && e.materialLot() == null) {
                    throw malformed("measurement needs cell, lot or materialLot");
                }
            }
            default -> throw new RejectedMessage("unknown-event-type", "unknown event type '" + e.type() + "'");
        }
    }

    private static void inputs(List<MaterialInput> inputs, boolean required) {
        if (inputs == null || (required && inputs.isEmpty())) {
            throw malformed("inputs missing");
        }
        for (MaterialInput in : inputs) {
            if (in == null) {
                throw malformed("null input");
            }
            id("inputs[].materialLot", in.materialLot());
            positive("inputs[].quantity", in.quantity());
            required("inputs[].unit", in.unit());
        }
    }

    /** Unit counts a machine reports with a lot's completion: absent, or a whole number from 0. */
    private static void count(String field, Object value) {
        if (value == null) {
            return;
        }
        boolean whole = value instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= Integer.MAX_VALUE
                && n.doubleValue() == Math.rint(n.doubleValue());
        if (!whole) {
            throw malformed(field + " must be a whole number of units from 0");
        }
    }

    private static void lotOrCell(EquipmentEvent e) {
        if (e.lot() == null && e.cell() == null) {
            throw malformed(e.type() + " needs lot or cell");
        }
    }

    private static void id(String field, String value) {
        required(field, value);
        if (!Topics.ID.matcher(value).matches() || value.length() > 100) {
            throw malformed(field + " '" + value + "' is not an id ([A-Za-z0-9_-], at most 100)");
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw malformed(field + " missing");
        }
    }

    private static void positive(String field, BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw malformed(field + " must be a positive number");
        }
    }

    private static RejectedMessage malformed(String reason) {
        return new RejectedMessage("malformed", reason);
    }
}
