package org.pilotline.mes.kit.problem;

import java.util.List;

/**
 * A refusal the client can act on, rendered as RFC 9457 problem+json. {@code slug} makes the stable type
 * {@code urn:mes:problem:{slug}}; {@code reasons} lists every reason when there are several.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<String> reasons;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public ProblemException(int status, String slug, String title, String detail, List<String> reasons) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.reasons = List.copyOf(reasons);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", what + " not found", what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict with the current state", detail);
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(400, slug, "Invalid request", detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<String> reasons() {
        return reasons;
    }
}
