package org.pilotline.mes.contracts;

/** Service names as they appear in event topics, CloudEvents sources and gateway routes. */
public final class Services {
    public static final String WORK_ORDERS = "work-orders";
    public static final String EQUIPMENT = "equipment";
    public static final String GENEALOGY = "genealogy";
    public static final String QUALITY = "quality";

    private Services() {
    }

    /** CloudEvents {@code source} of a service's events. */
    public static String source(String service) {
        return "/mes/" + service;
    }
}
