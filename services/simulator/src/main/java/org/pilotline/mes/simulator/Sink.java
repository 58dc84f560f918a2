package org.pilotline.mes.simulator;

import java.util.concurrent.CompletableFuture;

/** Sends what the line says over MQTT in one protocol. */
interface Sink extends AutoCloseable {

    /** Completes when the broker has acknowledged the message. */
    CompletableFuture<Void> send(Emission e);

    @Override
    void close();
}
