package org.pilotline.mes.gateway.ui;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A UI action the person's roles do not allow, asked for anyway (the screen never offers it): refused here, and
 * the service behind would refuse it too.
 */
final class Forbidden {

    private Forbidden() {
    }

    static Response response() {
        return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE).header("X-MES-Refused", "true")
                .entity("Your role may not do this.").build();
    }
}
