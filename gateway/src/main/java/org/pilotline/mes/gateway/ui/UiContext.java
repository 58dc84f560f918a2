package org.pilotline.mes.gateway.ui;

import java.util.List;

import org.pilotline.mes.gateway.session.Flash;
import org.pilotline.mes.gateway.session.Person;

/**
 * What every page's frame shows: who is logged in, in which language, the navigation their roles allow, and the
 * settings the page's script needs (CSRF token, idle logout, refresh interval).
 *
 * @param nav the sections this person may open, as message keys and paths
 * @param active the path of the section shown
 * @param flash a one-time message (the outcome of a signature, say), or null
 */
public record UiContext(Person person, String language, String csrf, List<NavItem> nav, String active,
        long idleSeconds, long refreshSeconds, Flash flash, String station) {

    public record NavItem(String key, String path) {
    }

    public String otherLanguage() {
        return language.startsWith("zh") ? "en" : "zh-CN";
    }

    public boolean has(String role) {
        return person.has(role);
    }
}
