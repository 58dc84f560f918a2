package org.pilotline.mes.localplant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The plant's broker accounts as Mosquitto's dynamic-security plugin reads them: one role per account holding its
 * rules, everything not allowed denied. Passwords are written hashed only. Accounts added later (a machine
 * registered) go to the running broker through the plugin's control topic.
 */
final class DynamicSecurityFile {

    private DynamicSecurityFile() {
    }

    static void write(Path file, List<BrokerAccount> accounts) {
        List<Map<String, Object>> clients = new ArrayList<>();
        List<Map<String, Object>> roles = new ArrayList<>();
        for (BrokerAccount a : accounts) {
            BrokerPasswords.Hash h = BrokerPasswords.hash(a.password());
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("username", a.username());
            client.put("password", h.hash());
            client.put("salt", h.salt());
            client.put("iterations", BrokerPasswords.ITERATIONS);
            client.put("roles", List.of(Map.of("rolename", a.username())));
            clients.add(client);
            List<Map<String, Object>> acls = new ArrayList<>();
            a.publish().forEach(t -> acls.add(acl("publishClientSend", t)));
            a.subscribe().forEach(t -> acls.add(acl("subscribePattern", t)));
            roles.add(Map.of("rolename", a.username(), "acls", acls));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("defaultACLAccess", Map.of("publishClientSend", false, "publishClientReceive", true,
                "subscribe", false, "unsubscribe", true));
        root.put("clients", clients);
        root.put("groups", List.of());
        root.put("roles", roles);
        try {
            Files.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static Map<String, Object> acl(String type, String topic) {
        Map<String, Object> acl = new LinkedHashMap<>();
        acl.put("acltype", type);
        acl.put("topic", topic);
        acl.put("allow", true);
        return acl;
    }
}
