package org.pilotline.mes.equipment.domain;

import org.pilotline.mes.contracts.equipment.AlarmMessage;
import org.pilotline.mes.contracts.equipment.DataMessage;
import org.pilotline.mes.kit.messaging.RejectedMessage;

/** What the state, alarm and data channels require, whichever protocol the message came by. */
final class MessageRules {

    /** Longest tag name taken; a tag is a column value, not free text. */
    static final int MAX_TAG = 100;

    private MessageRules() {
    }

    static void state(String state, String mode) {
        if (state == null || !PackMl.STATES.contains(state)) {
            throw new RejectedMessage("malformed", "state '" + state + "' is not a PackML state");
        }
        if (mode == null || !PackMl.MODES.contains(mode)) {
            throw new RejectedMessage("malformed", "mode '" + mode + "' is not PRODUCTION, MAINTENANCE or MANUAL");
        }
    }

    static void alarm(AlarmMessage m) {
        if (m.code() == null || m.code().isBlank() || m.active() == null
                || m.severity() == null || !PackMl.SEVERITIES.contains(m.severity())) {
            throw new RejectedMessage("malformed", "alarm needs code, severity (INFO, WARNING, CRITICAL) and active");
        }
    }

    static void data(DataMessage m) {
        if (m.values() == null || m.values().isEmpty()) {
            throw new RejectedMessage("malformed", "data needs values: a map of tag to number");
        }
        m.values().forEach((tag, value) -> {
            if (tag.isBlank() || tag.length() > MAX_TAG) {
                throw new RejectedMessage("malformed", "tag names are 1 to " + MAX_TAG + " characters");
            }
            if (value == null || value.isNaN() || value.isInfinite()) {
                throw new RejectedMessage("malformed", "value of " + tag + " is not a finite number");
            }
        });
    }
}
