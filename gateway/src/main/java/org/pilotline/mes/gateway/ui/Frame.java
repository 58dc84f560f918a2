package org.pilotline.mes.gateway.ui;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.pilotline.mes.gateway.config.UiConfig;
import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.Person;
import org.pilotline.mes.gateway.session.UiSession;

import io.quarkus.qute.TemplateInstance;

/** Puts a page into the frame every page shares (navigation, user, language, banners) in the person's language. */
@ApplicationScoped
public class Frame {

    private final CurrentSession current;
    private final UiConfig config;

    Frame(CurrentSession current, UiConfig config) {
        this.current = current;
        this.config = config;
    }

    /** A whole page, its section marked in the navigation. */
    public TemplateInstance page(TemplateInstance page, String section) {
        UiSession s = current.get();
        return localized(page).data("ui", new UiContext(s.person(), s.language(), s.csrfToken(), nav(s.person()),
                section, config.idleTimeout().toSeconds(), config.refreshEvery().toSeconds(), s.takeFlash(), null));
    }

    /** A fragment for htmx to swap in, in the person's language. */
    public TemplateInstance localized(TemplateInstance fragment) {
        return fragment.setLocale(Languages.locale(current.get().language()));
    }

    /** The sections a person's roles allow; the services check again on every call. */
    static List<UiContext.NavItem> nav(Person p) {
        List<UiContext.NavItem> nav = new ArrayList<>();
        if (p.has(Roles.OPERATOR) || p.has(Roles.SUPERVISOR)) {
            nav.add(new UiContext.NavItem("nav_station", "/ui/station"));
        }
        if (p.has(Roles.SUPERVISOR) || p.has(Roles.ADMIN)) {
            nav.add(new UiContext.NavItem("nav_orders", "/ui/orders"));
        }
        nav.add(new UiContext.NavItem("nav_line", "/ui/line"));
        nav.add(new UiContext.NavItem("nav_lots", "/ui/lots"));
        if (p.has(Roles.SUPERVISOR) || p.has(Roles.QUALITY) || p.has(Roles.AUDITOR) || p.has(Roles.ADMIN)) {
            nav.add(new UiContext.NavItem("nav_quality", HoldsResource.SECTION));
            nav.add(new UiContext.NavItem("nav_trace", TraceResource.SECTION));
        }
        if (p.has(Roles.SUPERVISOR) || p.has(Roles.ADMIN)) {
            nav.add(new UiContext.NavItem("nav_qualifications", "/ui/qualifications"));
        }
        return nav;
    }
}
