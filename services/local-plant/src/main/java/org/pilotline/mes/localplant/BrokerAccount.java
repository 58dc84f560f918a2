package org.pilotline.mes.localplant;

import java.util.ArrayList;
import java.util.List;

/**
 * One MQTT client's credential on the plant's broker and what it may do: the topics it may publish to and the
 * topic filters it may subscribe to (MQTT wildcards). Nothing else is allowed; a client without an account is
 * refused at connect.
 *
 * @param publish patterns a published topic must match
 * @param subscribe patterns a subscription's filter must lie within
 */
public record BrokerAccount(String username, String password, List<String> publish, List<String> subscribe) {

    public BrokerAccount {
        publish = List.copyOf(publish);
        subscribe = List.copyOf(subscribe);
    }

    /** Mosquitto's dynamic-security control topic; Moquette here answers the same commands. */
    public static final String CONTROL = "$CONTROL/dynamic-security/v1";

    /** Topic prefix of a service's domain events: mes/v1/events/{service}. */
    private static String events(String service) {
        return "mes/v1/events/" + service + "/#";
    }

    /**
     * A service: publishes its own domain events only, subscribes to the events of the services it consumes.
     * The equipment service also reads every machine message and Sparkplug topic, and sends Sparkplug commands
     * and its host state; it keeps the machines' accounts (the equipment registry issues them) through the broker's
     * control topic.
     */
    public static BrokerAccount service(String service, String password, List<String> consumes) {
        List<String> pub = new ArrayList<>(List.of(events(service)));
        List<String> sub = new ArrayList<>(consumes.stream().map(BrokerAccount::events).toList());
        if ("equipment".equals(service)) {
            pub.addAll(List.of("spBv1.0/+/NCMD/#", "spBv1.0/+/DCMD/#", "spBv1.0/STATE/+", CONTROL));
            sub.addAll(List.of("mes/v1/+/+/+/+/+", "spBv1.0/#", CONTROL + "/response"));
        }
        return new BrokerAccount(service, password, pub, sub);
    }

    /** The gateway reads every domain event, for the screens' live updates; it publishes nothing. */
    public static BrokerAccount gateway(String password) {
        return new BrokerAccount("gateway", password, List.of(), List.of("mes/v1/events/+/+"));
    }

    /** A machine: publishes under its own id only (mes/v1/{site}/{area}/{line}/{its id}/{channel}). */
    public static BrokerAccount machine(String equipmentId, String password) {
        return new BrokerAccount(equipmentId, password, List.of("mes/v1/+/+/+/" + equipmentId + "/+"), List.of());
    }

    /**
     * A simulator of a whole line: publishes as any machine and as Sparkplug edge nodes, reads the commands to edge
     * nodes and the host state. A test and demo credential, not one for a real machine.
     */
    public static BrokerAccount lineSimulator(String username, String password) {
        return new BrokerAccount(username, password,
                List.of("mes/v1/+/+/+/+/+", "spBv1.0/+/+/+", "spBv1.0/+/+/+/+"),
                List.of("spBv1.0/+/NCMD/+", "spBv1.0/+/DCMD/+/+", "spBv1.0/STATE/+"));
    }

    /**
     * A Sparkplug edge node: publishes its own node's and devices' messages, reads the commands addressed to it
     * and the host application's state.
     */
    public static BrokerAccount edgeNode(String group, String edgeNode, String password) {
        String node = group + "/+/" + edgeNode;
        return new BrokerAccount(edgeNode, password, List.of("spBv1.0/" + node, "spBv1.0/" + node + "/+"),
                List.of("spBv1.0/" + group + "/NCMD/" + edgeNode, "spBv1.0/" + group + "/DCMD/" + edgeNode + "/+",
                        "spBv1.0/STATE/+"));
    }

    /** Whether this account may publish to the topic. */
    public boolean mayPublish(String topic) {
        return publish.stream().anyMatch(p -> TopicPattern.covers(p, topic));
    }

    /** Whether this account may subscribe with the filter (every topic it matches must be allowed). */
    public boolean maySubscribe(String filter) {
        return subscribe.stream().anyMatch(p -> TopicPattern.covers(p, filter));
    }
}
