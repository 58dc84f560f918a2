package org.pilotline.mes.gateway.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.gateway.EchoServiceResource;
import org.pilotline.mes.gateway.session.Cookies;
import org.pilotline.mes.gateway.session.Person;
import org.pilotline.mes.gateway.session.SessionStore;
import org.pilotline.mes.gateway.session.TestClock;
import org.pilotline.mes.gateway.session.TestSessions;
import org.pilotline.mes.gateway.session.Tokens;
import org.pilotline.mes.gateway.session.UiSession;
import org.pilotline.mes.testing.OidcTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a person sees when a service or Keycloak cannot be asked: the reason in their words on the page they asked
 * for (never a stack trace or a bare status), a session that survives Keycloak's short absence, and htmx given a
 * fragment to show rather than a whole page.
 */
@QuarkusTest
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(EchoServiceResource.class)
class UiErrorPagesTest {

    @Inject
    SessionStore sessions;

    @Inject
    TestClock clock;

    @Inject
    TestSessions testSessions;

    @Test
    void aServiceThatCannotBeReachedIsSaidSoInThePersonsLanguage() {
        UiSession s = testSessions.open(person("operator1", "operator"), tokensFor(Duration.ofHours(1)), "en");
        given().cookie(Cookies.SESSION, s.id()).get("/ui/station/PRESS-01").then().statusCode(503)
                .contentType(containsString("text/html"))
                .body(containsString("A service of the MES cannot be reached"), containsString("id=\"try-again\""),
                        containsString("id=\"logout\""), not(containsString("Exception")));
        given().cookie(Cookies.SESSION, s.id()).header("HX-Request", "true").get("/ui/station/PRESS-01/status")
                .then().statusCode(503).header("X-MES-Refused", "true")
                .body(containsString("data-problem=\"service-unavailable\""), not(containsString("<html")));

        UiSession zh = testSessions.open(person("operator2", "operator"), tokensFor(Duration.ofHours(1)), "zh-CN");
        given().cookie(Cookies.SESSION, zh.id()).get("/ui/station/PRESS-01").then().statusCode(503)
                .body(containsString("无法连接系统的某项服务"));
    }

    @Test
    void keycloakDownWhileATokenNeedsRefreshingKeepsTheSessionAndSaysWhy() {
        // the access token runs out within the refresh margin; Keycloak (test issuer) cannot be reached
        UiSession s = testSessions.open(person("supervisor1", "supervisor"), tokensFor(Duration.ofSeconds(10)), "en");
        given().cookie(Cookies.SESSION, s.id()).redirects().follow(false).get("/ui/lots").then().statusCode(503)
                .body(containsString("The login service (Keycloak) cannot be reached"));
        assertNotNull(sessions.find(s.id(), false).session(), "a passing fault of Keycloak does not log anyone out");
        given().cookie(Cookies.SESSION, s.id()).header("HX-Request", "true").get("/ui/lots").then().statusCode(503)
                .body(containsString("data-problem=\"keycloak-unavailable\""));
    }

    private Person person(String user, String role) {
        return new Person("id-" + user, user, user, Set.of(role), clock.instant(), null);
    }

    private Tokens tokensFor(Duration accessLife) {
        Instant now = clock.instant();
        return new Tokens("access", "refresh", null, now.plus(accessLife), now.plus(Duration.ofHours(8)));
    }
}
