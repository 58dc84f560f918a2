package org.pilotline.mes.kit.idempotency;

import java.util.List;

import org.pilotline.mes.kit.problem.ProblemException;

/**
 * The value of an {@code Idempotency-Key} header (IETF draft httpapi-idempotency-key-header): a structured-field string
 * ({@code "8e03978e-..."}), or the same text unquoted as many clients send it; both name the same key. At most
 * {@value #MAX_LENGTH} printable ASCII characters.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;

    /** @return null when the request has no key; 400 idempotency-key-invalid when it has a bad one or several */
    public static IdempotencyKey of(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return null;
        }
        if (headerValues.size() > 1) {
            throw invalid("send one " + HEADER + " header, not " + headerValues.size());
        }
        String raw = headerValues.get(0).strip();
        String key = raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"") ? unquote(raw) : raw;
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            throw invalid(HEADER + " must have 1 to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw invalid(HEADER + " must be printable ASCII");
            }
        }
        return new IdempotencyKey(key);
    }

    /** An sf-string: backslash escapes only a quote or a backslash, and no bare quote inside. */
    private static String unquote(String quoted) {
        StringBuilder key = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\') {
                char next = i + 1 < quoted.length() - 1 ? quoted.charAt(++i) : 0;
                if (next != '"' && next != '\\') {
                    throw invalid(HEADER + " has a backslash that escapes neither a quote nor a backslash");
                }
                key.append(next);
            } else if (c == '"') {
                throw invalid(HEADER + " has an unescaped quote inside");
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "idempotency-key-invalid", "Invalid Idempotency-Key", detail);
    }
}
