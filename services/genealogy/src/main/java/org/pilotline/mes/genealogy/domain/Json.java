package org.pilotline.mes.genealogy.domain;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Machine parameters kept as jsonb: written as JSON text, read back as a map. */
final class Json {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private Json() {
    }

    /** @return null for no parameters */
    static String text(ObjectMapper json, Map<String, Object> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameters are not JSON", e);
        }
    }

    static Map<String, Object> map(ObjectMapper json, String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parameters are not JSON", e);
        }
    }

    /** A JSON array of strings; empty for null. */
    static java.util.List<String> strings(ObjectMapper json, String text) {
        if (text == null) {
            return java.util.List.of();
        }
        try {
            return java.util.List.of(json.readValue(text, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored list is not JSON", e);
        }
    }
}
