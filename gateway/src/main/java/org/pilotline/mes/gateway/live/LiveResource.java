package org.pilotline.mes.gateway.live;

import java.time.Duration;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.pilotline.mes.gateway.session.CurrentSession;
import org.pilotline.mes.gateway.session.SessionStore;

import io.smallrye.mutiny.Multi;

/**
 * Server-sent events to an open screen (htmx's SSE extension): {@code dispatch-changed}, {@code status-changed} and,
 * to the line view ({@code ?view=line}), {@code line-changed}, to the holds board ({@code ?view=holds})
 * {@code holds-changed},
 * at most once a second each; a comment now and then keeps idle connections open through proxies. The stream ends
 * with the session.
 */
@Path("/ui/events")
public class LiveResource {

    static final String DISPATCH_CHANGED = "dispatch-changed";
    static final String STATUS_CHANGED = "status-changed";
    static final String LINE_CHANGED = "line-changed";
    static final String HOLDS_CHANGED = "holds-changed";
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final Signals signals;
    private final CurrentSession current;
    private final SessionStore sessions;

    LiveResource(Signals signals, CurrentSession current, SessionStore sessions) {
        this.signals = signals;
        this.current = current;
        this.sessions = sessions;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@QueryParam("station") String station, @QueryParam("view") String view,
            @Context Sse sse) {
        String session = current.get().id();
        Multi<OutboundSseEvent> changes = Multi.createFrom().emitter(emitter -> {
            long id = signals.listen(station, Signals.View.of(view), name -> emitter.emit(sse.newEventBuilder().name(name).data("1").build()));
            emitter.onTermination(() -> signals.stop(id));
        });
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(t -> sse.newEventBuilder().comment("still here").build());
        // ends with the session: the next event after a logout or an idle timeout closes the stream
        return Multi.createBy().merging().streams(changes, keepAlive)
                .select().first(e -> sessions.find(session, false).session() != null);
    }
}
