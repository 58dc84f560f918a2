package org.pilotline.mes.simulator;

import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The v1 contract: mes/v1/{site}/{area}/{line}/{equipmentId}/{channel}, a JSON body per message. */
final class JsonSink implements Sink {

    private final Broker broker;
    private final ObjectMapper json = new ObjectMapper();

    JsonSink(SimulatorOptions options) {
        this.broker = Broker.connect(options, null, null);
    }

    @Override
    public CompletableFuture<Void> send(Emission e) {
        if (e.raw() != null) {
            return broker.publish(e.rawTopic(), e.raw());
        }
        try {
            return broker.publish(e.machine().topic(PilotLine.SITE, PilotLine.LINE, e.channel()),
                    json.writeValueAsBytes(e.body()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
