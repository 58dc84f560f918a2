package org.pilotline.mes.gateway.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.pilotline.mes.gateway.session.PendingSignature;
import org.pilotline.mes.gateway.session.UiSession;

/**
 * What a signer is shown before entering the password again: what is signed, line by line, by whom and when, and
 * the change held for it in the session, so that signing sends exactly what this manifest shows.
 *
 * @param lines what is signed: a label's message key and the value, meaning and reason included
 * @param signature the id of the change held for it
 * @param editPath where "Change" sends the form back to, as typed ({@code fields})
 */
public record SignManifest(List<Line> lines, String printedName, String user, Instant at, String signature,
        String editPath, Map<String, String> fields) {

    /** One line of the manifest: {@code label} is a message key of the {@code msg} bundle. */
    public record Line(String label, String value) {
    }

    /**
     * Holds the change in the session and builds its manifest; the change is sent only once Keycloak confirms a
     * fresh login by the same person (LoginResource, SignatureResource).
     */
    static SignManifest hold(UiSession s, String service, String path, String body, String key, List<Line> lines,
            String returnTo, String editPath, Map<String, String> fields) {
        Instant now = Instant.now();
        List<String> printed = new java.util.ArrayList<>(lines.stream().map(Line::value).toList());
        printed.add(s.person().name());
        PendingSignature pending = s.hold(PendingSignature.of(service, path, body, key, printed, returnTo, now));
        return new SignManifest(lines, s.person().name(), s.person().username(), now, pending.id(), editPath, fields);
    }
}
