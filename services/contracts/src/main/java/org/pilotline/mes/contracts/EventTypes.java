package org.pilotline.mes.contracts;

/** Domain event types, by publishing service. Topic: mes/v1/events/{service}/{type}. */
public final class EventTypes {

    private EventTypes() {
    }

    /** Published by work-orders. */
    public static final class WorkOrders {
        public static final String ROUTING_RELEASED = "routing.released";
        public static final String WORK_ORDER_RELEASED = "work-order.released";
        /** Every other move of a work order: work-order.{started,held,resumed,suspended,ended,aborted,cancelled}. */
        public static final String WORK_ORDER_PREFIX = "work-order.";
        public static final String LOT_CREATED = "lot.created";
        public static final String LOT_APPROVED = "lot.approved";
        public static final String LOT_REJECTED = "lot.rejected";

        private WorkOrders() {
        }
    }

    /** Published by equipment: equipment messages, validated and normalised. */
    public static final class Equipment {
        public static final String CELL_ASSEMBLED = "cell.assembled";
        public static final String MATERIAL_PRODUCED = "material.produced";
        public static final String MATERIAL_CONSUMED = "material.consumed";
        public static final String UNIT_STARTED = "unit.started";
        public static final String UNIT_COMPLETED = "unit.completed";
        public static final String MEASUREMENT = "measurement";
        public static final String STATE_CHANGED = "equipment.state-changed";
        public static final String EXCURSION_STARTED = "environment.excursion-started";
        public static final String EXCURSION_ENDED = "environment.excursion-ended";
        public static final String ALARM_RAISED = "alarm.raised";
        public static final String ALARM_CLEARED = "alarm.cleared";

        private Equipment() {
        }
    }

    /** Published by genealogy. */
    public static final class Genealogy {
        public static final String CELL_REGISTERED = "cell.registered";
        public static final String MODULE_ASSEMBLED = "module.assembled";
        public static final String MATERIAL_LOT_CREATED = "material-lot.created";
        public static final String MATERIAL_LOT_CONSUMED = "material-lot.consumed";
        public static final String MATERIAL_LOT_SCRAPPED = "material-lot.scrapped";
        /** A link of the as-built graph was found wrong and corrected (a new record; the old one stays). */
        public static final String LINK_CORRECTED = "link.corrected";
        public static final String CONSUMPTION_REFUSED = "material.consumption-refused";
        public static final String EXPOSURE_EXCEEDED = "material-lot.exposure-exceeded";

        private Genealogy() {
        }
    }

    /** Published by quality. */
    public static final class Quality {
        public static final String MEASUREMENT_JUDGED = "measurement.judged";
        public static final String HOLD_PLACED = "hold.placed";
        public static final String HOLD_RELEASED = "hold.released";
        public static final String PLAN_RELEASED = "plan.released";
        public static final String SPC_VIOLATION = "spc.violation";
        public static final String NCR_OPENED = "ncr.opened";
        public static final String NCR_DISPOSED = "ncr.disposed";
        public static final String CELL_GRADED = "cell.graded";

        private Quality() {
        }
    }
}
