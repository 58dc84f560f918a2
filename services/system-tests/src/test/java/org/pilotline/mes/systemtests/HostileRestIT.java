package org.pilotline.mes.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pilotline.mes.localplant.OidcLogin;
import org.pilotline.mes.systemtests.HostileBodies.Case;
import org.pilotline.mes.systemtests.OpenApiOperations.Operation;
import org.pilotline.mes.systemtests.RoleMatrix.Row;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.Method;
import io.restassured.response.Response;

/**
 * Hostile input, generated: every POST, PUT and PATCH that a service documents gets the hostile bodies of
 * {@link HostileBodies} (and non-JSON bodies get garbage), with hostile path parameters too, sent straight to the
 * service as a caller the role matrix allows, so that the body is read and not refused at the door. Every answer is
 * a 4xx problem+json, never a 5xx, and afterwards each service's tables (audit trail included) are as they were.
 */
class HostileRestIT {

    private static final Set<String> WRITES = Set.of("put", "post", "patch");
    /** Path parameters (as sent, percent-encoded): an id no entity has, then ' OR '1'='1, a path climbing out, NUL,
     * a right-to-left override and 1,000 characters. */
    private static final List<String> PATH_VALUES = List.of("999999999", "%27%20OR%20%271%27%3D%271", "..%2F..%2Fetc%2Fpasswd",
            "%00", "%E2%80%AE", "A".repeat(1000));
    /** The callers to try, in order: the first the role matrix allows for an operation sends its hostile bodies. */
    private static final List<String> CALLERS = List.of("supervisor", "quality", "operator", "admin");

    private static Plant plant;
    private static Map<Operation, Row> matrix;
    /** Each caller's access token and when it was fetched. */
    private static final Map<String, Map.Entry<String, Instant>> tokens = new HashMap<>();

    @BeforeAll
    static void startThePlant() throws Exception {
        plant = Plant.get();
        matrix = new HashMap<>();
        RoleMatrix.read(plant.root.resolve("docs/security.md")).rows().forEach(r -> matrix.put(r.operation(), r));
    }

    @Test
    void everyWriteOfEveryServiceRefusesHostileInputAndChangesNothing() {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> sent = new TreeMap<>();
        for (String service : new TreeMap<>(plant.services).keySet()) {
            String url = plant.services.get(service);
            String db = "mes_" + service.replace('-', '_');
            JsonNode openApi = HostileBodies.parse(given().baseUri(url).get("/q/openapi?format=json").then()
                    .statusCode(200).extract().asString());
            HostileBodies bodies = new HostileBodies(openApi);
            int count = 0;
            for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (WRITES.contains(op.getKey())) {
                        Operation operation = new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey());
                        count += attack(url, db, operation, op.getValue(), bodies, failures);
                    }
                }
            }
            sent.put(service, count);
        }
        System.out.println("hostile requests sent, by service: " + sent);
        assertTrue(failures.isEmpty(), failures.size() + " hostile requests were not refused as they should be "
                + "(4xx problem+json, nothing changed):\n  " + String.join("\n  ", failures));
    }

    /**
     * Sends every hostile case of one operation and checks that the service's database is as before; returns how
     * many requests went out. A plausible body goes first: where it is accepted (a PUT that creates what its path
     * names) the operation keeps free text, so the text-only cases are left out there.
     */
    private static int attack(String url, String db, Operation op, JsonNode spec, HostileBodies bodies,
            List<String> failures) {
        String caller = caller(op);
        if (caller == null) {
            return 0; // no role may call it: RoleMatrixIT shows the refusal
        }
        String path = op.path().replaceAll("\\{[^}]+}", PATH_VALUES.get(0));
        JsonNode content = spec.path("requestBody").path("content");
        JsonNode schema = content.path("application/json").path("schema");
        byte[] plausible = content.has("application/json")
                ? bodies.plausible(schema, 0).toString().getBytes(StandardCharsets.UTF_8) : new byte[0];
        int control = send(url, op, path, caller, "application/json", plausible).statusCode();
        boolean keepsText = control < 300;
        if (keepsText) {
            System.out.println(op + " accepts a plausible body at " + path + " (" + control + "): text-only cases "
                    + "left out");
        }
        DatabaseSnapshot before = DatabaseSnapshot.of(plant, db);
        int count = 1;
        for (Iterator<String> types = content.fieldNames(); types.hasNext();) {
            String type = types.next();
            List<Case> cases = new ArrayList<>();
            if (type.equals("application/json")) {
                bodies.cases(schema).stream().filter(c -> !(keepsText && c.textOnly())).forEach(cases::add);
            } else {
                cases.addAll(rawCases()); // files: the grading import's CSV
            }
            for (Case c : cases) {
                check(url, op, path, caller, type, c, failures);
            }
            count += cases.size();
        }
        if (op.path().contains("{")) {
            for (String value : PATH_VALUES.subList(1, PATH_VALUES.size())) {
                Case c = new Case("path parameters " + HostileBodies.printable(value), plausible);
                check(url, op, op.path().replaceAll("\\{[^}]+}", value), caller, "application/json", c, failures);
                count++;
            }
        }
        List<String> changes = DatabaseSnapshot.of(plant, db).changesSince(before);
        if (!changes.isEmpty()) {
            failures.add(op + ": hostile requests changed the database:\n      " + String.join("\n      ", changes));
        }
        return count;
    }

    private static Response send(String url, Operation op, String path, String caller, String contentType,
            byte[] body) {
        return given().baseUri(url).urlEncodingEnabled(false).auth().oauth2(token(caller))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(contentType).body(body).request(Method.valueOf(op.method()), path);
    }

    private static void check(String url, Operation op, String path, String caller, String contentType, Case c,
            List<String> failures) {
        Response answer;
        try {
            answer = send(url, op, path, caller, contentType, c.body());
        } catch (Exception e) { // Groovy lets checked exceptions through too
            failures.add(op + ", " + c.what() + ": no answer (" + e + ")");
            return;
        }
        int status = answer.statusCode();
        String type = answer.contentType();
        if (status < 400 || status >= 500 || !type.startsWith("application/problem+json")) {
            String body = answer.asString();
            failures.add(op + " as " + caller + ", " + c.what() + ": " + status + " " + type + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
    }

    /** Bodies for operations that take something other than JSON (files, CSV). */
    private static List<Case> rawCases() {
        return List.of(new Case("an empty file", new byte[0]),
                new Case("binary garbage", new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80 }),
                new Case("one 1 MB line", HostileBodies.MEGABYTE.getBytes(StandardCharsets.US_ASCII)),
                new Case("NUL bytes", "a,b\n\u0000,\u0000\n".getBytes(StandardCharsets.UTF_8)),
                new Case("UTF-16 text", "cell,value\nC1,1\n".getBytes(StandardCharsets.UTF_16)));
    }

    /** The first of {@link #CALLERS} the role matrix lets through, or null. */
    private static String caller(Operation op) {
        Row row = matrix.get(op);
        if (row == null) {
            return null; // RoleMatrixIT reports operations missing from the table
        }
        return CALLERS.stream().filter(c -> RoleMatrix.ALLOWED.equals(row.cells().get(c))).findFirst().orElse(null);
    }

    /** The demo user's access token, fetched again after four minutes (well within the realm's 15-minute tokens). */
    private static String token(String caller) {
        Map.Entry<String, Instant> held = tokens.get(caller);
        if (held == null || held.getValue().isBefore(Instant.now().minus(Duration.ofMinutes(4)))) {
            held = Map.entry(OidcLogin.accessToken(plant.keycloak.issuer(), caller + "1", caller + "1"), Instant.now());
            tokens.put(caller, held);
        }
        return held.getKey();
    }
}
