package org.pilotline.mes.gateway.ui;

/** The realm roles of the design brief, as the UI checks them to offer only what a role may do. */
public final class Roles {

    public static final String OPERATOR = "operator";
    public static final String SUPERVISOR = "supervisor";
    public static final String QUALITY = "quality";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
