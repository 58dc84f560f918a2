package org.pilotline.mes.localplant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;

/**
 * The plant's broker accounts enforced in Moquette: who may connect, publish where and subscribe to what, and the
 * control topic of Mosquitto's dynamic-security plugin, so that the equipment registry adds and removes machine
 * accounts on Moquette as it does on Mosquitto. Changes are kept in the same file the plugin uses.
 */
final class MoquetteAccess extends AbstractInterceptHandler implements IAuthenticator, IAuthorizatorPolicy {

    private static final Logger LOG = Logger.getLogger(MoquetteAccess.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamicSecurity security;
    private final Path file;
    private final Consumer<byte[]> respond;

    /**
     * @param file where changes are kept (null: in memory only)
     * @param respond publishes an answer on the control topic's response topic
     */
    MoquetteAccess(DynamicSecurity security, Path file, Consumer<byte[]> respond) {
        this.security = security;
        this.file = file;
        this.respond = respond;
    }

    @Override
    public String getID() {
        return "mes-dynamic-security";
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        LOG.warning(() -> "Moquette session loop: " + error);
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        boolean valid = security.authenticate(username, password);
        if (!valid) {
            LOG.warning(() -> "MQTT connect refused: client " + clientId + ", user " + username);
        }
        return valid;
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        boolean allowed = security.mayPublish(user, topic.toString());
        if (!allowed) {
            LOG.warning(() -> "MQTT publish refused: " + user + " to " + topic);
        }
        return allowed;
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        boolean allowed = security.maySubscribe(user, topic.toString());
        if (!allowed) {
            LOG.warning(() -> "MQTT subscription refused: " + user + " to " + topic);
        }
        return allowed;
    }

    /** Commands on the control topic; the broker let them through only from an account allowed to send them. */
    @Override
    public void onPublish(InterceptPublishMessage msg) {
        if (!BrokerAccount.CONTROL.equals(msg.getTopicName())) {
            return;
        }
        byte[] payload = new byte[msg.getPayload().readableBytes()];
        msg.getPayload().getBytes(msg.getPayload().readerIndex(), payload);
        ArrayNode responses = JSON.createArrayNode();
        try {
            for (JsonNode command : JSON.readTree(payload).path("commands")) {
                ObjectNode answer = security.apply(command);
                responses.add(answer);
                LOG.info(() -> "broker accounts: " + command.path("command").asText() + " "
                        + command.path("username").asText(command.path("rolename").asText()) + " by "
                        + msg.getUsername() + (answer.has("error") ? " refused: " + answer.get("error") : ""));
            }
            if (file != null) {
                security.write(file);
            }
        } catch (IOException e) {
            responses.add(JSON.createObjectNode().put("error", "Invalid JSON"));
        }
        respond.accept(JSON.createObjectNode().set("responses", responses).toString()
                .getBytes(StandardCharsets.UTF_8));
    }
}
