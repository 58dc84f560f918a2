package org.pilotline.mes.quality;

import java.util.UUID;

import org.pilotline.mes.testing.TestMqtt;

/** What the other services would publish, for quality's own tests: routings, lots, cells and measurements. */
final class QualityEvents {

    private QualityEvents() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void event(TestMqtt mqtt, String service, String type, String data) {
        event(mqtt, UUID.randomUUID().toString(), service, type, data);
    }

    static void event(TestMqtt mqtt, String id, String service, String type, String data) {
        mqtt.publish("mes/v1/events/" + service + "/" + type, """
                {"specversion":"1.0","id":"%s","source":"/mes/%s","type":"%s","time":"2026-11-23T08:00:00Z",
                 "data":%s}""".formatted(id, service, type, data));
    }

    /** A product whose OCV must be 2.0..2.5 V, a lot of it, and the given cells in that lot. */
    static String lotWithCells(TestMqtt mqtt, String product, String... cells) {
        String lot = unique("LOT");
        event(mqtt, "work-orders", "routing.released", """
                {"product":"%s","stage":"SAMPLE","routing":"R-%s","version":1,"operations":[
                  {"sequence":10,"code":"STACK","name":"Stacking","characteristics":[]},
                  {"sequence":30,"code":"OCV","name":"OCV check","characteristics":[
                    {"code":"OCV","name":"Open-circuit voltage","unit":"V","lowerLimit":2.0,"target":2.2,
                     "upperLimit":2.5}]}]}""".formatted(product, product));
        event(mqtt, "work-orders", "lot.created", """
                {"lot":"%s","workOrder":"WO-1","product":"%s","routing":"R-%s","routingVersion":1,
                 "plannedQuantity":%d}""".formatted(lot, product, product, cells.length));
        for (String cell : cells) {
            event(mqtt, "equipment", "cell.assembled", """
                    {"equipment":"STACK-01","area":"assembly","line":"L1","cell":"%s","lot":"%s","inputs":[],"parameters":{},
                     "ts":"2026-11-23T08:00:00Z"}""".formatted(cell, lot));
        }
        return lot;
    }

    static void ocv(TestMqtt mqtt, String cell, String value) {
        event(mqtt, "equipment", "measurement", """
                {"equipment":"GRADE-01","characteristic":"OCV","value":%s,"unit":"V","cell":"%s",
                 "ts":"2026-11-23T09:00:00Z"}""".formatted(value, cell));
    }

}
