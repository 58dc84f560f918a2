package org.pilotline.mes.gateway.ui;

import org.pilotline.mes.gateway.session.Person;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Where each role starts, and the pages shown without a session. */
public final class Pages {

    private Pages() {
    }

    @CheckedTemplate(basePath = "auth")
    static class Templates {
        static native TemplateInstance loggedOut(String reason, String loginUrl);

        static native TemplateInstance loginFailed();
    }

    /** Each role lands on its own work: operators at their station, supervisors at the orders, and so on. */
    public static String startPage(Person person) {
        if (person.has(Roles.SUPERVISOR) || person.has(Roles.ADMIN)) {
            return "/ui/orders";
        }
        if (person.has(Roles.OPERATOR)) {
            return "/ui/station";
        }
        if (person.has(Roles.QUALITY)) {
            return HoldsResource.SECTION + "/holds";
        }
        return person.has(Roles.AUDITOR) ? TraceResource.SECTION : "/ui/lots";
    }

    /** A path of this gateway to return to after a login; anything else (another site, say) becomes null. */
    public static String localPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
                || path.startsWith("/auth/") || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return path;
    }

    public static TemplateInstance loggedOut(String language, String reason, String loginUrl) {
        return Templates.loggedOut(reason, loginUrl).setLocale(Languages.locale(language)).data("language", language);
    }

    public static TemplateInstance loginFailed(String language) {
        return Templates.loginFailed().setLocale(Languages.locale(language)).data("language", language);
    }
}
