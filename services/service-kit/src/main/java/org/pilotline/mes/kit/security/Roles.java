package org.pilotline.mes.kit.security;

/** Realm roles of the mes realm (design brief, section 3). */
public final class Roles {
    public static final String OPERATOR = "operator";
    public static final String SUPERVISOR = "supervisor";
    public static final String QUALITY = "quality";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
