package org.pilotline.mes.gateway.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;

/**
 * Headers every answer of the gateway carries, set as the headers leave, so nothing a service sends can weaken
 * them. The pages may run only the gateway's own scripts and styles (no inline script, no eval: a value that slips
 * into a page cannot run), may not be framed by another site (no clickjacking of an approval), and leak no address
 * to another site. API answers and pages, which hold people's and lots' data, are never kept in a cache.
 */
@ApplicationScoped
public class ResponseHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String path = rc.normalizedPath();
            rc.addHeadersEndHandler(v -> secure(rc.response(), path));
            rc.next();
        });
    }

    static void secure(HttpServerResponse response, String path) {
        var h = response.headers();
        h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        h.set("X-Frame-Options", "DENY");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "same-origin");
        if (path.startsWith("/api/") || path.startsWith("/ui") || path.startsWith("/auth/") || path.equals("/")) {
            h.set("Cache-Control", "no-store");
            h.remove("Expires");
            h.remove("ETag");
            h.remove("Last-Modified");
        }
    }
}
