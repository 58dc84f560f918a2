package org.pilotline.mes.equipment.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Singleton;

import org.pilotline.mes.kit.messaging.MqttConnection;
import org.pilotline.mes.kit.messaging.MqttHandler;
import org.pilotline.mes.kit.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Changes the broker's accounts while it runs, through the control topic of Mosquitto's dynamic-security plugin
 * (the local plant's Moquette answers the same commands). A batch of commands is sent and its answer awaited; a
 * broker that does not answer in time, or refuses a command, fails the batch with 503 so that the caller's
 * transaction rolls back and nothing is recorded that the broker does not know.
 */
@Singleton
public class BrokerAccountControl implements MqttHandler {

    static final String CONTROL = "$CONTROL/dynamic-security/v1";
    private static final long TIMEOUT_SECONDS = 5;

    private final MqttConnection mqtt;
    private final ObjectMapper json;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    BrokerAccountControl(MqttConnection mqtt, ObjectMapper json) {
        this.mqtt = mqtt;
        this.json = json;
    }

    @Override
    public String topicFilter() {
        return CONTROL + "/response";
    }

    @Override
    public void handle(String topic, byte[] payload) throws Exception {
        JsonNode responses = json.readTree(payload).path("responses");
        for (JsonNode r : responses) {
            CompletableFuture<JsonNode> waiting = pending.remove(r.path("correlationData").asText(""));
            if (waiting != null) {
                waiting.complete(responses);
                return;
            }
        }
    }

    /**
     * Sends the commands; commands named in {@code mayFail} (deleting what may not exist) do not fail the batch.
     * The last command carries the correlation data the answer is matched by.
     */
    public void apply(List<ObjectNode> commands, List<String> mayFail) {
        String id = UUID.randomUUID().toString();
        commands.forEach(c -> c.put("correlationData", id));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ArrayNode list = json.createArrayNode();
        commands.forEach(list::add);
        try {
            if (!mqtt.isConnected()) {
                throw unavailable("the MQTT broker is not connected");
            }
            mqtt.publish(CONTROL, json.createObjectNode().set("commands", list).toString()
                    .getBytes(StandardCharsets.UTF_8)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (JsonNode r : answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                if (r.hasNonNull("error") && !mayFail.contains(r.path("command").asText())) {
                    throw unavailable("the broker refused " + r.path("command").asText() + ": "
                            + r.path("error").asText());
                }
            }
        } catch (TimeoutException e) {
            throw unavailable("the broker did not answer within " + TIMEOUT_SECONDS
                    + " s (is its dynamic-security plugin loaded, and may this service use it?)");
        } catch (ExecutionException e) {
            throw unavailable("the broker could not be reached: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted");
        } finally {
            pending.remove(id);
        }
    }

    private static ProblemException unavailable(String detail) {
        return new ProblemException(503, "broker-unavailable", "The MQTT broker could not change the account",
                detail);
    }
}
