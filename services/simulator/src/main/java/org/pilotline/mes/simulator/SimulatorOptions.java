package org.pilotline.mes.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the simulator runs. {@code rate}: messages per second (0: as fast as the broker takes them); {@code count}
 * and {@code duration}: when to stop (0: never); {@code mix}: PLANT (the whole line, cells and material),
 * ENVIRONMENT (states, faults, dry room and glovebox only) or DATA (process values only, the load test);
 * {@code units}: machines report unit.completed per cell (OEE counts; work-orders must know the lot);
 * {@code badEvery}: every n-th message is a bad one (0: none).
 */
record SimulatorOptions(String broker, Protocol protocol, double rate, long count, Duration duration, Mix mix,
        boolean units, String lot, long badEvery, double faultChance, double excursionChance, long seed,
        String clientId, String edgeNode, int maxInFlight) {

    enum Protocol { JSON, SPARKPLUG }

    enum Mix { PLANT, ENVIRONMENT, DATA }

    private static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("broker", "tcp://127.0.0.1:1884"),
            Map.entry("protocol", "json"), Map.entry("rate", "20"), Map.entry("count", "0"),
            Map.entry("duration", "PT0S"), Map.entry("mix", "plant"), Map.entry("units", "false"),
            Map.entry("lot", ""), Map.entry("bad-every", "500"), Map.entry("fault-chance", "0.01"),
            Map.entry("excursion-chance", "0.005"), Map.entry("seed", "1"), Map.entry("client-id", "mes-simulator"),
            Map.entry("edge-node", "L1-EDGE"), Map.entry("max-in-flight", "1000"));

    static Set<String> names() {
        return DEFAULTS.keySet();
    }

    /** {@code --name value} pairs; every option has a default. */
    static SimulatorOptions parse(String... args) {
        Map<String, String> v = new HashMap<>(DEFAULTS);
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + DEFAULTS.keySet());
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            v.put(name, args[i + 1]);
        }
        return new SimulatorOptions(v.get("broker"), Protocol.valueOf(v.get("protocol").toUpperCase()),
                Double.parseDouble(v.get("rate")), Long.parseLong(v.get("count")), Duration.parse(v.get("duration")),
                Mix.valueOf(v.get("mix").toUpperCase()), Boolean.parseBoolean(v.get("units")),
                v.get("lot").isEmpty() ? null : v.get("lot"), Long.parseLong(v.get("bad-every")),
                Double.parseDouble(v.get("fault-chance")), Double.parseDouble(v.get("excursion-chance")),
                Long.parseLong(v.get("seed")), v.get("client-id"), v.get("edge-node"),
                Integer.parseInt(v.get("max-in-flight")));
    }
}
