package org.pilotline.mes.kit.messaging;

/**
 * A consumer of MQTT messages. Every bean of this type is subscribed when the service connects. {@link #handle}
 * runs on one thread, in arrival order, and the message is acknowledged to the broker only after it returns:
 * so its effect must be committed when it returns (a transaction of its own).
 */
public interface MqttHandler {

    /** The MQTT topic filter, with + and # wildcards. */
    String topicFilter();

    /**
     * Processes one message. Throw {@link RejectedMessage} for bad input (it goes to the dead letters at once);
     * any other exception is retried, then dead-lettered.
     */
    void handle(String topic, byte[] payload) throws Exception;
}
