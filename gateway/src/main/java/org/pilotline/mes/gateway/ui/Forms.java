package org.pilotline.mes.gateway.ui;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Reading a submitted form as a person typed it: trimmed, empty as absent, numbers with a decimal comma too. What
 * cannot be read goes to the service as absent, and its refusal says what is missing.
 */
final class Forms {

    private static final java.util.regex.Pattern PAGE_KEY = java.util.regex.Pattern
            .compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Forms() {
    }

    /** The field, trimmed; empty when absent. */
    static String text(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v.trim();
    }

    /** The field, trimmed; null when absent or blank. */
    static String optional(MultivaluedMap<String, String> form, String name) {
        String v = text(form, name);
        return v.isEmpty() ? null : v;
    }

    static Integer integer(MultivaluedMap<String, String> form, String name) {
        try {
            String v = optional(form, name);
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static BigDecimal decimal(MultivaluedMap<String, String> form, String name) {
        try {
            String v = optional(form, name);
            return v == null ? null : new BigDecimal(v.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The idempotency key for the refused form sent again: the same one, since a service that timed out may have
     * applied it after all (a service keeps no refusal, so the same key may also carry a corrected form). A key the
     * service says was used for something else gets a fresh one.
     */
    static String keyToResend(ServiceProblem refusal, Map<String, String> typed) {
        String key = typed.get("key");
        if (key == null || "idempotency-key-reused".equals(refusal.slug())) {
            return Panel.newKey();
        }
        // a page's forms share one key, each with its own suffix ({key}-start, {key}-complete): the page's key
        java.util.regex.Matcher base = PAGE_KEY.matcher(key);
        return base.lookingAt() ? base.group() : Panel.newKey();
    }

    static String keyToResend(ServiceProblem refusal, MultivaluedMap<String, String> form) {
        return keyToResend(refusal, typed(form));
    }

    /** Every field as typed, to put back into a form that was refused. */
    static Map<String, String> typed(MultivaluedMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((k, v) -> typed.put(k, v.isEmpty() ? "" : v.get(0)));
        return typed;
    }
}
