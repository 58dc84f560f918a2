package org.pilotline.mes.kit.idempotency;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/**
 * The answer a request got when it was applied, kept with its idempotency key: status, content type, the headers the
 * resource set (e.g. Location) and the body as sent. A replay is this answer again, marked
 * {@code Idempotency-Replayed: true}.
 */
public record StoredAnswer(int status, String contentType, Map<String, List<String>> headers, byte[] body) {

    public static final String REPLAYED = "Idempotency-Replayed";

    Response toResponse() {
        Response.ResponseBuilder answer = Response.status(status).header(REPLAYED, "true");
        headers.forEach((name, values) -> values.forEach(v -> answer.header(name, v)));
        if (body != null) {
            answer.entity(body).type(contentType);
        }
        return answer.build();
    }
}
