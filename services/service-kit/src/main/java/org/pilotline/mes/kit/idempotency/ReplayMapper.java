package org.pilotline.mes.kit.idempotency;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a {@link Replay} with the answer the request got when it was applied. */
public class ReplayMapper {

    @ServerExceptionMapper
    public Response replay(Replay replay) {
        return replay.answer().toResponse();
    }
}
