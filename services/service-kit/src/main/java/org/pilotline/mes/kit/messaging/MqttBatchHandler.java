package org.pilotline.mes.kit.messaging;

import java.util.List;

/**
 * A consumer that takes messages in batches: the effects of many messages committed in one transaction (design
 * brief, section 4: batch database writes on the ingest path). The connection hands it every message that is
 * waiting, in arrival order, and acknowledges them only after {@link #handleBatch} has returned.
 * <p>
 * If {@link #handleBatch} throws, the connection falls back to one message at a time through {@link #handle}, so
 * one message that breaks the batch cannot hold up the others.
 */
public interface MqttBatchHandler extends MqttHandler {

    /**
     * Processes the messages and commits their effects together.
     *
     * @return the messages that were bad input, by their index in {@code messages}: they had no effect and go to
     *         the dead letters
     */
    List<Rejection> handleBatch(List<InboundMessage> messages) throws Exception;

    @Override
    default void handle(String topic, byte[] payload) throws Exception {
        List<Rejection> rejected = handleBatch(List.of(new InboundMessage(topic, payload)));
        if (!rejected.isEmpty()) {
            throw rejected.get(0).reason();
        }
    }

    /** One message as it came from the broker. */
    record InboundMessage(String topic, byte[] payload) {
    }

    /** Message {@code index} of the batch could not be used, for {@code reason}. */
    record Rejection(int index, RejectedMessage reason) {
    }
}
