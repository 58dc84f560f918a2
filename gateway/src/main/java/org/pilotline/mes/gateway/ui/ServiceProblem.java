package org.pilotline.mes.gateway.ui;

import java.util.List;

/**
 * A service said no (problem+json), or could not be asked. The UI shows it in the person's words: a headline
 * chosen by the problem's stable type, then the service's own reasons.
 *
 * @param slug the problem type without its {@code urn:mes:problem:} prefix
 * @param reasons every reason the service gave (several for a refused start, say)
 * @param fields the fields a validation refused, each with its message
 */
public final class ServiceProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String detail;
    private final List<String> reasons;
    private final List<FieldError> fields;

    public record FieldError(String field, String message) {
    }

    public ServiceProblem(int status, String slug, String detail, List<String> reasons, List<FieldError> fields) {
        super(status + " " + slug + ": " + detail);
        this.status = status;
        this.slug = slug;
        this.detail = detail;
        this.reasons = reasons == null ? List.of() : List.copyOf(reasons);
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    static ServiceProblem unreachable(String service) {
        return new ServiceProblem(503, "service-unavailable", service, List.of(), List.of());
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String detail() {
        return detail;
    }

    public List<String> reasons() {
        return reasons;
    }

    public List<FieldError> fields() {
        return fields;
    }

    /** The message key of the headline: one per problem type the UI knows, a general one for the rest. */
    public String headlineKey() {
        return Problems.knows(slug) ? "problem_" + slug.replace('-', '_') : status >= 500 ? "problem_unavailable"
                : "problem_refused";
    }
}
