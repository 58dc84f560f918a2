package org.pilotline.mes.gateway.api;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.pilotline.mes.gateway.config.GatewayConfig;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * Routes /api/{service}/** to the service, path and query unchanged. Only callers with a valid mes-realm token
 * pass; the token goes on, so each service validates it and checks roles itself, and X-MES-User tells the
 * service's logs who called.
 */
@Path("/api/{service}")
@Authenticated
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    /** Hop-by-hop headers (RFC 9110, section 7.6.1) and those the client recomputes. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    private final GatewayConfig config;
    private final WebClient client;
    private final SecurityIdentity identity;

    ApiProxy(GatewayConfig config, Vertx vertx, SecurityIdentity identity) {
        this.config = config;
        this.identity = identity;
        this.client = WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(64).setKeepAlive(true)
                .setFollowRedirects(false).setDecompressionSupported(false));
    }

    @GET
    @Path("{path: .*}")
    public Uni<Response> get(@PathParam("service") String service, @Context UriInfo uri, @Context HttpHeaders h) {
        return forward(HttpMethod.GET, service, uri, h, null);
    }

    @HEAD
    @Path("{path: .*}")
    public Uni<Response> head(@PathParam("service") String service, @Context UriInfo uri, @Context HttpHeaders h) {
        return forward(HttpMethod.HEAD, service, uri, h, null);
    }

    @DELETE
    @Path("{path: .*}")
    public Uni<Response> delete(@PathParam("service") String service, @Context UriInfo uri, @Context HttpHeaders h) {
        return forward(HttpMethod.DELETE, service, uri, h, null);
    }

    @POST
    @Path("{path: .*}")
    public Uni<Response> post(@PathParam("service") String service, @Context UriInfo uri, @Context HttpHeaders h,
            byte[] body) {
        return forward(HttpMethod.POST, service, uri, h, body);
    }

    @PUT
    @Path("{path: .*}")
    public Uni<Response> put(@PathParam("service") String service, @Context UriInfo uri, @Context HttpHeaders h,
            byte[] body) {
        return forward(HttpMethod.PUT, service, uri, h, body);
    }

    @PATCH
    @Path("{path: .*}")
    public Uni<Response> patch(@PathParam("service") String service, @Context UriInfo uri, @Context HttpHeaders h,
            byte[] body) {
        return forward(HttpMethod.PATCH, service, uri, h, body);
    }

    private Uni<Response> forward(HttpMethod method, String service, UriInfo uri, HttpHeaders headers, byte[] body) {
        String base = config.routes().get(service);
        if (base == null) {
            return Uni.createFrom().item(Problems.response(404, "unknown-service", "No such service",
                    "There is no service '" + service + "'; known: " + String.join(", ", config.routes().keySet())));
        }
        URI target = URI.create(base);
        String requestId = headers.getHeaderString("X-Request-Id") != null ? headers.getHeaderString("X-Request-Id")
                : UUID.randomUUID().toString();
        HttpRequest<Buffer> request = client.request(method, new RequestOptions().setHost(target.getHost())
                .setPort(target.getPort()).setURI(uri.getRequestUri().getRawPath()
                        + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery())))
                .timeout(config.timeout().toMillis());
        for (Map.Entry<String, java.util.List<String>> h : headers.getRequestHeaders().entrySet()) {
            if (!NOT_FORWARDED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                h.getValue().forEach(v -> request.headers().add(h.getKey(), v));
            }
        }
        request.headers().set("X-Request-Id", requestId);
        request.headers().set("X-Forwarded-Host", String.valueOf(headers.getHeaderString("Host")));
        request.headers().set("X-Forwarded-Proto", uri.getRequestUri().getScheme());
        request.headers().set("X-MES-User", user());
        Uni<io.vertx.mutiny.ext.web.client.HttpResponse<Buffer>> sent = body == null ? request.send()
                : request.sendBuffer(Buffer.buffer(body));
        return sent.map(res -> {
            Response.ResponseBuilder out = Response.status(res.statusCode());
            res.headers().forEach(h -> {
                if (!NOT_FORWARDED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    out.header(h.getKey(), h.getValue());
                }
            });
            out.header("X-Request-Id", requestId);
            if (res.body() != null) {
                out.entity(res.body().getBytes());
            }
            return out.build();
        }).onFailure().recoverWithItem(failure -> {
            LOG.warnf("%s %s -> %s failed: %s", method, uri.getRequestUri().getRawPath(), service, failure.toString());
            return failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException
                    ? Problems.response(504, "service-timeout", "Service too slow",
                            "Service '" + service + "' did not answer within " + config.timeout().toSeconds() + " s")
                    : Response.fromResponse(Problems.response(503, "service-unavailable", "Service unavailable",
                            "Service '" + service + "' cannot be reached; try again shortly"))
                            .header("Retry-After", "5").build(); // 503: down for now, worth a retry
        });
    }

    private String user() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("preferred_username") != null) {
            return jwt.getClaim("preferred_username");
        }
        return identity.getPrincipal().getName();
    }
}
