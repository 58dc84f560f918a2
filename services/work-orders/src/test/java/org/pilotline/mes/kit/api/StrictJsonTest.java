package org.pilotline.mes.kit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** The services read only text and numbers they can keep; everything else is read as before. */
class StrictJsonTest {

    record Reading(String tag, double value, Double limit) {
    }

    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void ordinaryTextAndNumbersReadAsBefore() throws Exception {
        Reading r = json.readValue("""
                {"tag":"电池 🔋 e\\u0301","value":-40.5,"limit":null}""", Reading.class);
        assertEquals("电池 🔋 e\u0301", r.tag());
        assertEquals(-40.5, r.value());
    }

    @Test
    void aNulCharacterIsRefusedWithItsField() {
        InvalidFormatException e = assertThrows(InvalidFormatException.class,
                () -> json.readValue("{\"tag\":\"a\\u0000b\",\"value\":1}", Reading.class));
        assertEquals("tag", e.getPath().get(0).getFieldName());
        assertTrue(e.getOriginalMessage().contains("NUL"), e.getOriginalMessage());
    }

    @Test
    void halfASurrogatePairIsRefused() {
        assertThrows(InvalidFormatException.class,
                () -> json.readValue("{\"tag\":\"a\\ud800b\",\"value\":1}", Reading.class));
    }

    @Test
    void aNumberBeyondAnyDoubleIsRefusedNotReadAsInfinity() {
        assertThrows(InvalidFormatException.class, () -> json.readValue("{\"tag\":\"t\",\"value\":1e400}",
                Reading.class));
        assertThrows(InvalidFormatException.class, () -> json.readValue("{\"tag\":\"t\",\"value\":1,\"limit\":-1e400}",
                Reading.class));
    }
}
