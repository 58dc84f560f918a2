package org.pilotline.mes.localplant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The broker's accounts as Mosquitto's dynamic-security plugin keeps them: clients (user name, password hash,
 * roles) and roles (topics they may publish to and subscribe to), everything else denied. The same file and the
 * same control commands serve Moquette, so the equipment registry keeps machine accounts the same way on both.
 */
final class DynamicSecurity {

    private record Client(BrokerPasswords.Hash password, List<String> roles) {
    }

    private record Role(List<String> publish, List<String> subscribe) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Role> roles = new ConcurrentHashMap<>();

    /** The accounts in the file; none when there is no file yet. */
    static DynamicSecurity read(Path file) {
        DynamicSecurity s = new DynamicSecurity();
        if (file == null || !Files.exists(file)) {
            return s;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            for (JsonNode r : root.path("roles")) {
                List<String> pub = new ArrayList<>();
                List<String> sub = new ArrayList<>();
                for (JsonNode acl : r.path("acls")) {
                    if (acl.path("allow").asBoolean(false)) {
                        switch (acl.path("acltype").asText()) {
                            case "publishClientSend" -> pub.add(acl.path("topic").asText());
                            case "subscribePattern", "subscribeLiteral" -> sub.add(acl.path("topic").asText());
                            default -> { } // receive and unsubscribe are allowed by default
                        }
                    }
                }
                s.roles.put(r.path("rolename").asText(), new Role(pub, sub));
            }
            for (JsonNode c : root.path("clients")) {
                if (c.path("disabled").asBoolean(false) || !c.hasNonNull("password")) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                c.path("roles").forEach(r -> names.add(r.path("rolename").asText()));
                s.clients.put(c.path("username").asText(), new Client(
                        new BrokerPasswords.Hash(c.path("salt").asText(), c.path("password").asText()), names));
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** Adds the account, or replaces the one of the same name: a client with a role of its own name. */
    DynamicSecurity put(BrokerAccount a) {
        roles.put(a.username(), new Role(a.publish(), a.subscribe()));
        clients.put(a.username(), new Client(BrokerPasswords.hash(a.password()), List.of(a.username())));
        return this;
    }

    boolean authenticate(String username, byte[] password) {
        Client c = username == null ? null : clients.get(username);
        return c != null && password != null && c.password().matches(password);
    }

    boolean mayPublish(String username, String topic) {
        return rolesOf(username).stream().anyMatch(r -> r.publish().stream()
                .anyMatch(p -> TopicPattern.covers(p, topic)));
    }

    boolean maySubscribe(String username, String filter) {
        return rolesOf(username).stream().anyMatch(r -> r.subscribe().stream()
                .anyMatch(p -> TopicPattern.covers(p, filter)));
    }

    private List<Role> rolesOf(String username) {
        Client c = username == null ? null : clients.get(username);
        return c == null ? List.of() : c.roles().stream().map(roles::get).filter(r -> r != null).toList();
    }

    /**
     * Applies one command of the plugin's control topic (createRole, deleteRole, createClient, deleteClient,
     * setClientPassword): the subset the MES uses. Answers as the plugin does: the command, its correlation data,
     * and an error when it failed.
     */
    ObjectNode apply(JsonNode command) {
        String name = command.path("command").asText();
        ObjectNode answer = JSON.createObjectNode().put("command", name);
        if (command.has("correlationData")) {
            answer.set("correlationData", command.get("correlationData"));
        }
        String error = switch (name) {
            case "createRole" -> roles.putIfAbsent(command.path("rolename").asText(), role(command)) == null ? null
                    : "Role already exists";
            case "deleteRole" -> roles.remove(command.path("rolename").asText()) != null ? null : "Role not found";
            case "createClient" -> createClient(command);
            case "deleteClient" -> clients.remove(command.path("username").asText()) != null ? null
                    : "Client not found";
            case "setClientPassword" -> {
                Client c = clients.get(command.path("username").asText());
                if (c == null) {
                    yield "Client not found";
                }
                clients.put(command.path("username").asText(),
                        new Client(BrokerPasswords.hash(command.path("password").asText()), c.roles()));
                yield null;
            }
            default -> "Unknown command";
        };
        if (error != null) {
            answer.put("error", error);
        }
        return answer;
    }

    private String createClient(JsonNode command) {
        String username = command.path("username").asText("");
        if (username.isEmpty() || !command.path("password").isTextual()) {
            return "Invalid/missing username or password";
        }
        List<String> names = new ArrayList<>();
        command.path("roles").forEach(r -> names.add(r.path("rolename").asText()));
        Client c = new Client(BrokerPasswords.hash(command.path("password").asText()), names);
        return clients.putIfAbsent(username, c) == null ? null : "Client already exists";
    }

    private static Role role(JsonNode command) {
        List<String> pub = new ArrayList<>();
        List<String> sub = new ArrayList<>();
        for (JsonNode acl : command.path("acls")) {
            if (acl.path("allow").asBoolean(false)) {
                String type = acl.path("acltype").asText();
                if (type.equals("publishClientSend")) {
                    pub.add(acl.path("topic").asText());
                } else if (type.startsWith("subscribe")) {
                    sub.add(acl.path("topic").asText());
                }
            }
        }
        return new Role(pub, sub);
    }

    /** Writes the file the plugin reads (mode 600: it holds password hashes), replacing it whole. */
    synchronized void write(Path file) {
        List<Map<String, Object>> clientList = new ArrayList<>();
        clients.forEach((username, c) -> {
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("username", username);
            client.put("password", c.password().hash());
            client.put("salt", c.password().salt());
            client.put("iterations", BrokerPasswords.ITERATIONS);
            client.put("roles", c.roles().stream().map(r -> Map.of("rolename", r)).toList());
            clientList.add(client);
        });
        List<Map<String, Object>> roleList = new ArrayList<>();
        roles.forEach((name, r) -> {
            List<Map<String, Object>> acls = new ArrayList<>();
            r.publish().forEach(t -> acls.add(acl("publishClientSend", t)));
            r.subscribe().forEach(t -> acls.add(acl("subscribePattern", t)));
            // Mosquitto delivers the control topic's answers only with an explicit receive rule
            r.subscribe().forEach(t -> acls.add(acl("publishClientReceive", t)));
            roleList.add(Map.of("rolename", name, "acls", acls));
        });
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("defaultACLAccess", Map.of("publishClientSend", false, "publishClientReceive", true,
                "subscribe", false, "unsubscribe", true));
        root.put("clients", clientList);
        root.put("groups", List.of());
        root.put("roles", roleList);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
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
