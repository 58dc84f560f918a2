package org.pilotline.mes.gateway.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.gateway.EchoServiceResource;
import org.pilotline.mes.testing.OidcTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What the gateway's session guard does for the tablets: no page without a login, no change without the page's
 * CSRF token or from another site, and an idle tablet logged out (its own refreshes do not keep it in).
 */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(EchoServiceResource.class)
class UiSessionTest {

    @Inject
    SessionStore sessions;

    @Inject
    TestClock clock;

    private UiSession session(String user, String... roles) {
        Instant far = clock.instant().plus(Duration.ofHours(1));
        return sessions.open(new Person("id-" + user, user, user, Set.of(roles), clock.instant(), "en"),
                new Tokens("access-" + user, "refresh-" + user, null, far, far), "en");
    }

    @Test
    void aPageWithoutALoginGoesToTheLoginAndComesBackAndAPagesOwnRequestIsToldWhy() {
        given().redirects().follow(false).get("/ui/station/PRESS-01?lot=L1").then().statusCode(303)
                .header("Location", equalTo("http://localhost:" + port() + "/auth/login?return=%2Fui%2Fstation%2FPRESS-01%3Flot%3DL1"));
        given().header("HX-Request", "true").get("/ui/station/PRESS-01/dispatch").then().statusCode(401)
                .header("X-MES-Session-Ended", "unknown");
        given().header("Accept", "text/event-stream").redirects().follow(false).get("/ui/events?station=PRESS-01")
                .then().statusCode(401); // an event stream cannot follow a login
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", startsWith(
                "http://localhost:" + port() + "/auth/login"));
    }

    @Test
    void aChangeNeedsThePagesCsrfTokenAndTheGatewaysOwnOrigin() {
        UiSession s = session("operator1", "operator");
        given().cookie(Cookies.SESSION, s.id()).contentType(ContentType.URLENC).formParam("language", "zh-CN")
                .post("/ui/language").then().statusCode(403);
        given().cookie(Cookies.SESSION, s.id()).header(UiSessionFilter.CSRF, "not-the-token")
                .contentType(ContentType.URLENC).formParam("language", "zh-CN").post("/ui/language").then()
                .statusCode(403);
        given().cookie(Cookies.SESSION, s.id()).header(UiSessionFilter.CSRF, s.csrfToken())
                .header("Origin", "https://evil.example").contentType(ContentType.URLENC)
                .formParam("language", "zh-CN").post("/ui/language").then().statusCode(403);
        given().cookie(Cookies.SESSION, s.id()).header(UiSessionFilter.CSRF, s.csrfToken())
                .header("Origin", "http://localhost:" + port()).contentType(ContentType.URLENC)
                .formParam("language", "zh-CN").post("/ui/language").then().statusCode(204)
                .header("HX-Refresh", "true");
        assertLanguage(s, "zh-CN");
    }

    @Test
    void anUntouchedTabletIsLoggedOutAndItsOwnRefreshesDoNotKeepItIn() {
        UiSession s = session("operator1", "operator");
        clock.advance(Duration.ofMinutes(10));
        given().cookie(Cookies.SESSION, s.id()).header("X-MES-Background", "true").header("HX-Request", "true")
                .get("/ui/nothing-here").then().statusCode(404); // a refresh: the session still counts...
        clock.advance(Duration.ofMinutes(6));
        given().cookie(Cookies.SESSION, s.id()).redirects().follow(false).get("/ui/station").then().statusCode(303)
                .header("Location", startsWith("http://localhost:" + port() + "/auth/logged-out?reason=idle"));
        given().cookie(Cookies.SESSION, s.id()).redirects().follow(false).get("/ui/station").then().statusCode(303)
                .header("Location", startsWith("http://localhost:" + port() + "/auth/login"));
    }

    @Test
    void aTouchedTabletStaysLoggedIn() {
        UiSession s = session("supervisor1", "supervisor");
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(10));
            given().cookie(Cookies.SESSION, s.id()).header("HX-Request", "true").get("/ui/nothing-here").then()
                    .statusCode(404);
        }
        given().cookie(Cookies.SESSION, s.id()).redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", equalTo("http://localhost:" + port() + "/ui/orders"));
    }

    private static void assertLanguage(UiSession s, String language) {
        org.junit.jupiter.api.Assertions.assertEquals(language, s.language());
    }

    private static int port() {
        return io.restassured.RestAssured.port;
    }
}
