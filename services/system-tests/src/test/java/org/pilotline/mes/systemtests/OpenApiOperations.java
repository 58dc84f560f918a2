package org.pilotline.mes.systemtests;

import static io.restassured.RestAssured.given;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The REST operations a running service documents in its OpenAPI document ({@code /q/openapi}). */
final class OpenApiOperations {

    /** The keys of an OpenAPI path item that are operations (the others are summary, parameters, servers...). */
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");

    private OpenApiOperations() {
    }

    /** One operation: method in capitals and the path template as the document names it. */
    record Operation(String method, String path) implements Comparable<Operation> {

        @Override
        public int compareTo(Operation o) {
            int byPath = path.compareTo(o.path);
            return byPath != 0 ? byPath : method.compareTo(o.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every operation of the service at {@code serviceUrl}, in path order. */
    static Set<Operation> of(String serviceUrl) {
        Map<String, Map<String, Object>> paths = given().baseUri(serviceUrl).get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        Set<Operation> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream().filter(METHODS::contains)
                .forEach(method -> operations.add(new Operation(method.toUpperCase(Locale.ROOT), path))));
        return operations;
    }
}
