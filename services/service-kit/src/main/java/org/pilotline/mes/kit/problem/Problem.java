package org.pilotline.mes.kit.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details, with the MES's extension members {@code reasons} and {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<String> reasons,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static String type(String slug) {
        return "urn:mes:problem:" + slug;
    }

    public record FieldError(String field, String message) {
    }
}
