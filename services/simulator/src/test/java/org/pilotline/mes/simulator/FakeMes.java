package org.pilotline.mes.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The MES's REST API as a test sets it up: answers by method and path, every call recorded. Unknown paths answer
 * 404 problem+json. {@link Lot} keeps a lot's operations as work-orders would (states, who started them).
 */
final class FakeMes implements Mes {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String US = "service-account-mes-line-simulator";

    /** A call the line made: method, path and body (null for none). */
    record Call(String method, String path, JsonNode body) {
    }

    private final Map<String, Function<JsonNode, Answer>> routes = new HashMap<>();
    final List<Call> calls = new ArrayList<>();

    FakeMes answer(String method, String path, Function<JsonNode, Answer> answer) {
        routes.put(method + " " + path, answer);
        return this;
    }

    FakeMes ok(String method, String path, Object body) {
        return answer(method, path, b -> ok(body));
    }

    static Answer ok(Object body) {
        return new Answer(200, JSON.valueToTree(body), null);
    }

    static Answer problem(int status, String slug, String detail) {
        return new Answer(status, JSON.valueToTree(Map.of("type", "urn:mes:problem:" + slug, "status", status,
                "detail", detail)), null);
    }

    @Override
    public Answer get(String path) {
        return call("GET", path, null);
    }

    @Override
    public Answer post(String path, Object body) {
        return call("POST", path, body == null ? null : JSON.valueToTree(body));
    }

    @Override
    public String user() {
        return US;
    }

    private Answer call(String method, String path, JsonNode body) {
        calls.add(new Call(method, path, body));
        Function<JsonNode, Answer> f = routes.get(method + " " + path);
        return f == null ? problem(404, "not-found", method + " " + path) : f.apply(body);
    }

    List<Call> posts(String path) {
        return calls.stream().filter(c -> c.method().equals("POST") && c.path().equals(path)).toList();
    }

    /** A lot in work-orders: its routing's operations and how far each got; answers its REST paths. */
    static final class Lot {
        final String lot;
        final String product;
        final int cells;
        final List<Map<String, Object>> ops = new ArrayList<>();
        final Map<String, String> state = new LinkedHashMap<>();
        final Map<String, String> startedBy = new HashMap<>();
        final Map<String, String> station = new HashMap<>();

        Lot(String lot, String product, int cells) {
            this.lot = lot;
            this.product = product;
            this.cells = cells;
        }

        Lot op(int sequence, String code, String equipmentClass, String qualification, List<Map<String, Object>> parameters,
                List<Map<String, Object>> characteristics) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("sequence", sequence);
            o.put("operation", code);
            o.put("equipmentClass", equipmentClass);
            o.put("qualification", qualification);
            o.put("parameters", parameters);
            o.put("characteristics", characteristics);
            ops.add(o);
            state.put(code, "PENDING");
            return this;
        }

        static Map<String, Object> limits(String code, String unit, Double lower, Double target, Double upper) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            m.put("unit", unit);
            m.put("lowerLimit", lower);
            m.put("target", target);
            m.put("upperLimit", upper);
            return m;
        }

        ArrayNode operations() {
            ArrayNode a = JSON.createArrayNode();
            for (Map<String, Object> o : ops) {
                ObjectNode n = JSON.valueToTree(o);
                String code = (String) o.get("operation");
                n.put("state", state.get(code));
                n.put("startedBy", startedBy.get(code));
                n.put("station", station.get(code));
                a.add(n);
            }
            return a;
        }

        /** Its line of a dispatch list. */
        Map<String, Object> item(String operation, String itemState, String at) {
            Map<String, Object> o = ops.stream().filter(x -> x.get("operation").equals(operation)).findFirst()
                    .orElseThrow();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("lot", lot);
            item.put("workOrder", lot.substring(0, lot.length() - 3));
            item.put("product", product);
            item.put("priority", 5);
            item.put("operation", operation);
            item.put("equipmentClass", o.get("equipmentClass"));
            item.put("qualification", o.get("qualification"));
            item.put("plannedQuantity", cells);
            item.put("state", itemState);
            item.put("station", at);
            return item;
        }

        /** Routes its operations, starts and completions (a start as the line's account). */
        Lot routeOn(FakeMes mes) {
            mes.answer("GET", "/api/work-orders/lots/" + lot + "/operations", b -> ok(operations()));
            for (Map<String, Object> o : ops) {
                String code = (String) o.get("operation");
                mes.answer("POST", "/api/work-orders/lots/" + lot + "/operations/" + code + "/start", b -> {
                    state.put(code, "STARTED");
                    startedBy.put(code, US);
                    station.put(code, b.path("station").asText(null));
                    return ok(Map.of("operation", code, "state", "STARTED"));
                });
                mes.answer("POST", "/api/work-orders/lots/" + lot + "/operations/" + code + "/complete", b -> {
                    state.put(code, "COMPLETED");
                    return ok(Map.of("operation", code, "state", "COMPLETED"));
                });
            }
            return this;
        }
    }
}
