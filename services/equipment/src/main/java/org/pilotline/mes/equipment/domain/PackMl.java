package org.pilotline.mes.equipment.domain;

import java.util.Set;

/** The PackML states and modes equipment may report (design brief, section 3). */
public final class PackMl {

    public static final Set<String> STATES = Set.of("STOPPED", "RESETTING", "IDLE", "STARTING", "EXECUTE",
            "COMPLETING", "COMPLETE", "ABORTING", "ABORTED", "STOPPING", "CLEARING", "SUSPENDING", "SUSPENDED",
            "UNSUSPENDING", "HOLDING", "HELD", "UNHOLDING");
    public static final Set<String> MODES = Set.of("PRODUCTION", "MAINTENANCE", "MANUAL");
    public static final Set<String> SEVERITIES = Set.of("INFO", "WARNING", "CRITICAL");
    /** States in which no new work may start: the machine is stopped, faulted, being cleared or held. */
    public static final Set<String> NOT_READY = Set.of("STOPPED", "STOPPING", "ABORTING", "ABORTED", "CLEARING",
            "HOLDING", "HELD");

    private PackMl() {
    }
}
