package org.pilotline.mes.gateway.session;

import java.util.List;

/**
 * A message for the next page a session shows, once: what a signature achieved, or why it was refused.
 *
 * @param key the message key of the headline
 * @param refused true when it reports a refusal
 * @param details the service's own reasons, shown beneath
 */
public record Flash(String key, boolean refused, List<String> details) {

    public static Flash ok(String key) {
        return new Flash(key, false, List.of());
    }

    public static Flash refused(String key, List<String> details) {
        return new Flash(key, true, details == null ? List.of() : List.copyOf(details));
    }
}
