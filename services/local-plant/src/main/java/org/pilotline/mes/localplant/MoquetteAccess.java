package org.pilotline.mes.localplant;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;

/** The plant's broker accounts enforced in Moquette: who may connect, publish where and subscribe to what. */
final class MoquetteAccess implements IAuthenticator, IAuthorizatorPolicy {

    private static final Logger LOG = Logger.getLogger(MoquetteAccess.class.getName());

    private record Entry(BrokerAccount account, BrokerPasswords.Hash password) {
    }

    private final Map<String, Entry> accounts;

    MoquetteAccess(List<BrokerAccount> accounts) {
        this.accounts = accounts.stream().map(a -> new Entry(new BrokerAccount(a.username(), null, a.publish(),
                a.subscribe()), BrokerPasswords.hash(a.password())))
                .collect(Collectors.toMap(e -> e.account().username(), Function.identity()));
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        Entry e = username == null ? null : accounts.get(username);
        boolean valid = e != null && password != null && e.password().matches(password);
        if (!valid) {
            LOG.warning(() -> "MQTT connect refused: client " + clientId + ", user " + username);
        }
        return valid;
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        Entry e = user == null ? null : accounts.get(user);
        boolean allowed = e != null && e.account().mayPublish(topic.toString());
        if (!allowed) {
            LOG.warning(() -> "MQTT publish refused: " + user + " to " + topic);
        }
        return allowed;
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        Entry e = user == null ? null : accounts.get(user);
        boolean allowed = e != null && e.account().maySubscribe(topic.toString());
        if (!allowed) {
            LOG.warning(() -> "MQTT subscription refused: " + user + " to " + topic);
        }
        return allowed;
    }
}
