package org.pilotline.mes.equipment.domain;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.pilotline.mes.equipment.messaging.BrokerAccountControl;
import org.pilotline.mes.equipment.persistence.CredentialStore;
import org.pilotline.mes.equipment.persistence.CredentialStore.Credential;
import org.pilotline.mes.equipment.persistence.EquipmentEntity;
import org.pilotline.mes.equipment.persistence.EquipmentRepository;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Actor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Each registered machine's own broker credential: issued by the registry, shown once, stored as a salted hash.
 * Its account may publish only under the machine's topic prefix and, as a Sparkplug edge node of its site, its own
 * node's topics, and read only the commands addressed to it. Revoking it removes the account from the running
 * broker: a connected machine is cut off (Mosquitto) or its publishes are refused (Moquette).
 */
@ApplicationScoped
public class MachineCredentials {

    /** A newly issued credential: the password exists only in this answer. */
    public record Issued(String equipmentId, String username, String password, List<String> publish,
            List<String> subscribe, Instant issuedAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int HASH_ITERATIONS = 210_000;

    private final EquipmentRepository equipment;
    private final CredentialStore store;
    private final BrokerAccountControl broker;
    private final AuditTrail audit;
    private final ObjectMapper json;

    MachineCredentials(EquipmentRepository equipment, CredentialStore store, BrokerAccountControl broker,
            AuditTrail audit, ObjectMapper json) {
        this.equipment = equipment;
        this.store = store;
        this.broker = broker;
        this.audit = audit;
        this.json = json;
    }

    /** Issues the machine's credential, replacing any earlier one (which stops working at once). */
    @Transactional
    public Issued issue(String equipmentId, Actor actor) {
        EquipmentEntity e = registered(equipmentId);
        String password = newPassword();
        List<String> publish = List.of("mes/v1/" + e.site + "/" + e.area + "/" + e.line + "/" + e.id + "/+",
                "spBv1.0/" + e.site + "/+/" + e.id, "spBv1.0/" + e.site + "/+/" + e.id + "/+");
        List<String> subscribe = List.of("spBv1.0/" + e.site + "/NCMD/" + e.id,
                "spBv1.0/" + e.site + "/DCMD/" + e.id + "/+", "spBv1.0/STATE/+");
        Instant now = Instant.now();
        boolean replaced = store.find(equipmentId).isPresent();
        store.issue(equipmentId, e.id, hash(password), now, actor.name());
        audit.record(actor, replaced ? "machine-credential.reissued" : "machine-credential.issued",
                "equipment", equipmentId, null, Map.of("username", e.id, "publish", publish, "subscribe", subscribe),
                null);
        // last, so that a refusal of the broker rolls the record back
        ObjectNode role = command("createRole").put("rolename", role(e.id));
        var acls = role.putArray("acls");
        publish.forEach(t -> acls.addObject().put("acltype", "publishClientSend").put("topic", t).put("allow", true));
        subscribe.forEach(t -> {
            acls.addObject().put("acltype", "subscribePattern").put("topic", t).put("allow", true);
            acls.addObject().put("acltype", "publishClientReceive").put("topic", t).put("allow", true);
        });
        ObjectNode client = command("createClient").put("username", e.id).put("password", password);
        client.putArray("roles").addObject().put("rolename", role(e.id));
        broker.apply(List.of(command("deleteClient").put("username", e.id),
                command("deleteRole").put("rolename", role(e.id)), role, client),
                List.of("deleteClient", "deleteRole"));
        return new Issued(equipmentId, e.id, password, publish, subscribe, now);
    }

    /** Revokes the machine's credential: the broker forgets the account at once. */
    @Transactional
    public Credential revoke(String equipmentId, Actor actor) {
        registered(equipmentId);
        if (!store.revoke(equipmentId, Instant.now(), actor.name())) {
            throw ProblemException.conflict("no-credential", "equipment " + equipmentId
                    + " holds no valid broker credential");
        }
        audit.record(actor, "machine-credential.revoked", "equipment", equipmentId, null,
                Map.of("username", equipmentId), null);
        broker.apply(List.of(command("deleteClient").put("username", equipmentId),
                command("deleteRole").put("rolename", role(equipmentId))), List.of("deleteClient", "deleteRole"));
        return store.find(equipmentId).orElseThrow();
    }

    @Transactional
    public Credential find(String equipmentId) {
        registered(equipmentId);
        return store.find(equipmentId).orElseThrow(() -> ProblemException.notFound("Broker credential of",
                equipmentId));
    }

    private EquipmentEntity registered(String equipmentId) {
        EquipmentEntity e = equipment.findById(equipmentId);
        if (e == null) {
            throw ProblemException.notFound("Equipment", equipmentId);
        }
        return e;
    }

    private ObjectNode command(String name) {
        return json.createObjectNode().put("command", name);
    }

    /** Machine roles are named apart from the MES's own accounts' roles. */
    private static String role(String equipmentId) {
        return "machine-" + equipmentId;
    }

    private static String newPassword() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** PBKDF2-HMAC-SHA256, as {@code pbkdf2-sha256$iterations$salt$hash} (Base64). */
    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try {
            byte[] h = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, HASH_ITERATIONS, 256)).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return "pbkdf2-sha256$" + HASH_ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(h);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 not available", ex);
        }
    }
}
