package org.pilotline.mes.genealogy;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.pilotline.mes.testing.TestMqtt;
import org.pilotline.mes.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** What the tests of the newer genealogy features do as people and as the other services. */
final class Plant {

    static final String API = "/api/genealogy";

    private Plant() {
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.of(user)).contentType(ContentType.JSON);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A raw lot received from a supplier. */
    static void receive(String id, String type, String quantity, String unit, String supplier) {
        as("operator1").body("""
                {"id":"%s","materialType":"%s","quantity":%s,"unit":"%s","supplier":"%s","supplierLot":"S-%s",
                 "certificate":{"moisturePpm":80}}""".formatted(id, type, quantity, unit, supplier, id))
                .post(API + "/material-lots").then().statusCode(201);
    }

    /** A CloudEvent as another service's outbox publishes it. */
    static void event(TestMqtt mqtt, String service, String type, String data) {
        mqtt.publish("mes/v1/events/" + service + "/" + type, """
                {"specversion":"1.0","id":"%s","source":"/mes/%s","type":"%s","subject":"x",
                 "time":"2026-11-24T08:00:00Z","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), service, type, data));
    }

    /** equipment's material.produced: a new lot from inputs [lot, quantity, unit]... */
    static void produced(TestMqtt mqtt, String equipment, String lot, String type, String quantity, String unit,
            String range, String at, String[]... inputs) {
        StringBuilder in = new StringBuilder();
        for (String[] i : inputs) {
            in.append(in.isEmpty() ? "" : ",").append("{\"materialLot\":\"%s\",\"quantity\":%s,\"unit\":\"%s\"}"
                    .formatted(i[0], i[1], i[2]));
        }
        event(mqtt, "equipment", "material.produced", """
                {"equipment":"%s","line":"L1","materialLot":"%s","materialType":"%s","quantity":%s,"unit":"%s",
                 "inputs":[%s]%s,"ts":"%s"}""".formatted(equipment, lot, type, quantity, unit, in,
                range == null ? "" : ",\"parentRange\":" + range, at));
    }

    static String[] input(String lot, String quantity, String unit) {
        return new String[] { lot, quantity, unit };
    }
}
