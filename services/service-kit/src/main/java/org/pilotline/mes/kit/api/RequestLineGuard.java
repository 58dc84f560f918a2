package org.pilotline.mes.kit.api;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.pilotline.mes.kit.problem.Problem;

/**
 * Refuses a request whose path or query, once decoded, holds a control character ({@code %00}, {@code %0A}...) or
 * text that cannot be kept: no identifier of the MES has one, and a NUL would reach the database as a lookup key it
 * cannot even compare. Answered 400 before any resource runs.
 */
public class RequestLineGuard {

    @ServerRequestFilter(preMatching = true)
    public Response refuseControlCharacters(ContainerRequestContext request) {
        Stream<String> texts = Stream.concat(Stream.of(request.getUriInfo().getPath(true)),
                request.getUriInfo().getQueryParameters(true).entrySet().stream()
                        .flatMap(p -> Stream.concat(Stream.of(p.getKey()), p.getValue().stream())));
        String why = texts.map(RequestLineGuard::why).filter(Objects::nonNull).findFirst().orElse(null);
        if (why == null) {
            return null;
        }
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(new Problem(Problem.type("malformed-request"),
                "Malformed request", 400, "The request's path or query " + why, request.getUriInfo().getRequestUri()
                        .getRawPath(), List.of(), List.of())).build();
    }

    private static String why(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return "contains a control character";
            }
        }
        return StrictJson.unstorable(text);
    }
}
