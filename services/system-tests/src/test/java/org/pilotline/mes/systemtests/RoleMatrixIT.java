package org.pilotline.mes.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pilotline.mes.localplant.OidcLogin;
import org.pilotline.mes.systemtests.OpenApiOperations.Operation;
import org.pilotline.mes.systemtests.RoleMatrix.Row;

import io.restassured.http.ContentType;
import io.restassured.http.Method;
import io.restassured.specification.RequestSpecification;

/**
 * The role matrix of docs/security.md is the truth: it lists every operation the services document, and every
 * cell holds against the running plant, through the gateway with each role's demo user's Keycloak token and with
 * no token at all. The calls name entities that do not exist and send {@code {}} as the body, so an allowed call
 * is answered 400, 404 or 409 and changes nothing in the plant the other system tests share.
 */
class RoleMatrixIT {

    /** Stands in for every path parameter: digits, so it also fits numeric ids, and no entity has it. */
    private static final String NO_SUCH_ID = "999999999";
    private static final String ANONYMOUS = "anonymous";

    private static Plant plant;
    private static RoleMatrix matrix;

    @BeforeAll
    static void startThePlant() throws Exception {
        plant = Plant.get();
        matrix = RoleMatrix.read(plant.root.resolve("docs/security.md"));
    }

    @Test
    void theTableListsEveryOperationOfEveryService() {
        Set<Operation> served = new TreeSet<>();
        plant.services.values().forEach(url -> served.addAll(OpenApiOperations.of(url)));
        Set<Operation> listed = new TreeSet<>();
        matrix.rows().forEach(row -> listed.add(row.operation()));

        Set<Operation> missing = new TreeSet<>(served);
        missing.removeAll(listed);
        Set<Operation> gone = new TreeSet<>(listed);
        gone.removeAll(served);
        assertTrue(missing.isEmpty() && gone.isEmpty(), "docs/security.md, role matrix:"
                + (missing.isEmpty() ? "" : "\n  missing (in an OpenAPI document, not in the table):\n    "
                        + String.join("\n    ", missing.stream().map(Operation::toString).toList()))
                + (gone.isEmpty() ? "" : "\n  no longer served (in the table, in no OpenAPI document):\n    "
                        + String.join("\n    ", gone.stream().map(Operation::toString).toList())));
    }

    @Test
    void everyCellHoldsAgainstThePlant() {
        List<String> mismatches = new ArrayList<>();
        for (String caller : RoleMatrix.CALLERS) {
            String token = caller.equals(ANONYMOUS) ? null
                    : OidcLogin.accessToken(plant.keycloak.issuer(), caller + "1", caller + "1");
            for (Row row : matrix.rows()) {
                String expected = row.cells().get(caller);
                check(row.operation(), caller, expected, plant.gateway, token, mismatches);
                if (token == null) { // every service checks tokens itself, not only the gateway
                    String service = plant.services.get(row.operation().path().split("/")[2]);
                    check(row.operation(), caller + " (directly at the service)", expected, service, null,
                            mismatches);
                }
            }
        }
        int cells = matrix.rows().size() * RoleMatrix.CALLERS.size();
        assertTrue(mismatches.isEmpty(), mismatches.size() + " answers differ from the role matrix of "
                + "docs/security.md (" + cells + " cells):\n  " + String.join("\n  ", mismatches));
    }

    /**
     * Allowed: anything but 401 and 403. Refused: exactly the status in the cell (403 with a token, 401 without). A
     * change that succeeded is reported too: the dummy calls must leave the plant as it was.
     */
    private static void check(Operation op, String caller, String expected, String baseUri, String token,
            List<String> mismatches) {
        int status = call(baseUri, op, token);
        boolean holds = expected.equals(RoleMatrix.ALLOWED) ? status != 401 && status != 403
                : status == Integer.parseInt(expected);
        if (!holds) {
            mismatches.add(op + " as " + caller + ": the table says " + expected + ", the plant answered " + status);
        } else if (!op.method().equals("GET") && status < 300) {
            mismatches.add(op + " as " + caller + ": answered " + status + ", so this test changed the shared plant; "
                    + "call it with ids or a body that fail");
        }
    }

    private static int call(String baseUri, Operation op, String token) {
        RequestSpecification request = given().baseUri(baseUri);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (Set.of("POST", "PUT", "PATCH").contains(op.method())) {
            request.contentType(ContentType.JSON).body("{}");
        }
        return request.request(Method.valueOf(op.method()), op.path().replaceAll("\\{[^}]+}", NO_SUCH_ID))
                .statusCode();
    }
}
