package org.pilotline.mes.kit.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/** A NUL or another control character in a path or query is refused before any resource looks it up. */
@QuarkusTest
class RequestLineGuardTest {

    @Test
    void aControlCharacterInThePathIsA400() {
        given().auth().oauth2(TestTokens.of("supervisor1")).urlEncodingEnabled(false)
                .get("/api/work-orders/work-orders/WO%00-1").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:mes:problem:malformed-request"))
                .body("detail", containsString("control character"));
    }

    @Test
    void aControlCharacterInTheQueryIsA400() {
        given().auth().oauth2(TestTokens.of("supervisor1")).urlEncodingEnabled(false)
                .get("/api/work-orders/work-orders?status=RELEASED%0A").then().statusCode(400)
                .body("type", equalTo("urn:mes:problem:malformed-request"));
    }

    @Test
    void ordinaryPathsPass() {
        given().auth().oauth2(TestTokens.of("supervisor1")).get("/api/work-orders/work-orders/NO-SUCH-WO").then()
                .statusCode(404);
    }
}
