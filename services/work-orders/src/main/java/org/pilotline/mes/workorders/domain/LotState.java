package org.pilotline.mes.workorders.domain;

/** A lot is produced, then approved or rejected once, under an electronic signature. */
public enum LotState {
    CREATED, IN_PROCESS, APPROVED, REJECTED;

    public boolean isDecided() {
        return this == APPROVED || this == REJECTED;
    }
}
