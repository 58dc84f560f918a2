package org.pilotline.mes.workorders.domain;

/**
 * A lot is created, in process once its first operation starts, ready when its last operation is done, then
 * approved or rejected once, under an electronic signature.
 */
public enum LotState {
    CREATED, IN_PROCESS, READY, APPROVED, REJECTED;

    public boolean isDecided() {
        return this == APPROVED || this == REJECTED;
    }
}
