package org.pilotline.mes.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.contracts.equipment.EquipmentEvent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The payloads of the design brief read into the contract records as an equipment vendor writes them. */
class ContractJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void readsAMaterialProducedEventWithParentRange() throws Exception {
        String payload = """
                {"eventId":"SL-1-000042","ts":"2026-11-23T08:15:00Z","type":"material.produced",
                 "materialLot":"CC-0001-S1","materialType":"CATHODE_SUBCOIL","quantity":250,"unit":"m",
                 "inputs":[{"materialLot":"CC-0001","quantity":250,"unit":"m"}],
                 "parentRange":{"from":0,"to":250,"unit":"m"}}""";
        EquipmentEvent e = json.readValue(payload, EquipmentEvent.class);
        assertEquals("material.produced", e.type());
        assertEquals(Instant.parse("2026-11-23T08:15:00Z"), e.ts());
        assertEquals(new BigDecimal("250"), e.parentRange().to());
        assertEquals("CC-0001", e.inputs().get(0).materialLot());
    }

    @Test
    void writesACloudEventEnvelope() throws Exception {
        var event = CloudEvent.of("7f1c", Services.WORK_ORDERS, "lot.created", "LOT-1", Instant.EPOCH, "x");
        var tree = json.readTree(json.writeValueAsString(event));
        assertEquals("1.0", tree.get("specversion").asText());
        assertEquals("/mes/work-orders", tree.get("source").asText());
        assertEquals("lot.created", tree.get("type").asText());
        assertEquals("LOT-1", tree.get("subject").asText());
    }
}
