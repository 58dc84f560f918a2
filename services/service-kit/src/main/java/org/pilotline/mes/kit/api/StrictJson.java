package org.pilotline.mes.kit.api;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON the services read holds only values they can keep: text without NUL characters or halves of surrogate pairs
 * (PostgreSQL cannot store the first, UTF-8 has no form for the second) and finite numbers (1e400 would otherwise
 * arrive as Infinity). Each is refused as a wrong value of its field, so the caller gets a 400 naming the field.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("mes-strict-json");
        module.addDeserializer(String.class, new StorableText());
        module.addDeserializer(Double.class, new FiniteDouble(Double.class, "java.lang.Double"));
        module.addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE, "double"));
        mapper.registerModule(module);
    }

    /** Why a text cannot be kept, or null when it can. */
    public static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains half of a surrogate pair";
            }
        }
        return null;
    }

    static final class StorableText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = super.deserialize(p, ctx);
            String why = text == null ? null : unstorable(text);
            if (why != null) {
                throw InvalidFormatException.from(p, "text that " + why, text, String.class);
            }
            return text;
        }
    }

    static final class FiniteDouble extends JsonDeserializer<Double> {

        @SuppressWarnings("unchecked")
        private final JsonDeserializer<Double> standard;
        private final Class<?> type;

        @SuppressWarnings("unchecked")
        FiniteDouble(Class<?> type, String name) {
            this.type = type;
            this.standard = (JsonDeserializer<Double>) NumberDeserializers.find(type, name);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            Double value = standard.deserialize(p, ctx);
            if (value != null && !Double.isFinite(value)) {
                throw InvalidFormatException.from(p, "a number that is not finite", value, type);
            }
            return value;
        }

        @Override
        public Double getNullValue(DeserializationContext ctx) throws com.fasterxml.jackson.databind.JsonMappingException {
            return standard.getNullValue(ctx);
        }
    }
}
