package org.pilotline.mes.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * How the simulator runs. {@code rate}: messages per second (0: as fast as the broker takes them); {@code count}
 * and {@code duration}: when to stop (0: never); {@code mix}: PLANT (the whole line, cells and material),
 * ENVIRONMENT (states, faults, dry room and glovebox only) or DATA (process values only, the load test);
 * {@code units}: machines report unit.completed per cell (OEE counts; work-orders must know the lot);
 * {@code badEvery}: every n-th message is a bad one (0: none).
 * <p>
 * With a {@code gateway} the PLANT mix runs real work (see {@link DemoPlant}): a planner keeps {@code openLots} lots
 * of the {@code products} in work, the machines take their operations from work-orders' dispatch lists, each
 * operation takes about {@code opTime}; the {@code peopleOps} are left for people at the tablets, and done by a
 * colleague of the shift when nobody has started them within {@code grace}. {@code outOfLimitChance}: how often a
 * measurement falls outside its limits. The REST calls use a token of the confidential client {@code oidcClient}
 * (client-credentials grant at {@code issuer}). Without a gateway nothing of this runs: no REST at all.
 */
record SimulatorOptions(String broker, Protocol protocol, double rate, long count, Duration duration, Mix mix,
        boolean units, String lot, long badEvery, double faultChance, double excursionChance, long seed,
        String clientId, String edgeNode, int maxInFlight, String gateway, String issuer, String oidcClient,
        String clientSecret, Set<String> peopleOps, Duration grace, int openLots, int minCells, int maxCells,
        List<String> products, Duration opTime, Duration poll, double outOfLimitChance,
        String username, String password) {

    enum Protocol { JSON, SPARKPLUG }

    enum Mix { PLANT, ENVIRONMENT, DATA }

    private static final Map<String, String> DEFAULTS = Map.ofEntries(Map.entry("broker", "tcp://127.0.0.1:1884"),
            Map.entry("protocol", "json"), Map.entry("rate", "20"), Map.entry("count", "0"),
            Map.entry("duration", "PT0S"), Map.entry("mix", "plant"), Map.entry("units", "false"),
            Map.entry("lot", ""), Map.entry("bad-every", "500"), Map.entry("fault-chance", "0.01"),
            Map.entry("excursion-chance", "0.005"), Map.entry("seed", "1"), Map.entry("client-id", "mes-simulator"),
            Map.entry("edge-node", "L1-EDGE"), Map.entry("max-in-flight", "1000"),
            // the demo plant: real work through the MES's REST API (only with --gateway)
            Map.entry("gateway", ""), Map.entry("issuer", "http://127.0.0.1:8180/realms/mes"),
            Map.entry("oidc-client", "mes-line-simulator"), Map.entry("client-secret", ""),
            Map.entry("people-ops", "RECEIPT,SEAL"), Map.entry("grace", "PT10M"), Map.entry("open-lots", "4"),
            Map.entry("lot-cells", "10-50"), Map.entry("products", "SSB-1AH,SSB-10AH,SSB-20AH,SSB-60AH"),
            Map.entry("op-time", "PT30S"), Map.entry("poll", "PT2S"), Map.entry("out-of-limit-chance", "0.003"),
            // the broker account; ./mes hands them over in the environment, so that no process list shows them
            Map.entry("username", System.getenv().getOrDefault("MES_MQTT_USERNAME", "")),
            Map.entry("password", System.getenv().getOrDefault("MES_MQTT_PASSWORD", "")));

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
        String gateway = v.get("gateway").isBlank() ? null : v.get("gateway").replaceAll("/+$", "");
        if (gateway != null && v.get("client-secret").isBlank()) {
            throw new IllegalArgumentException("--gateway needs --client-secret (of the " + v.get("oidc-client")
                    + " client of the realm)");
        }
        String[] cells = v.get("lot-cells").split("-");
        int minCells = Integer.parseInt(cells[0].strip());
        int maxCells = cells.length > 1 ? Integer.parseInt(cells[1].strip()) : minCells;
        if (minCells < 1 || maxCells < minCells) {
            throw new IllegalArgumentException("--lot-cells is MIN-MAX with 1 <= MIN <= MAX: " + v.get("lot-cells"));
        }
        return new SimulatorOptions(v.get("broker"), Protocol.valueOf(v.get("protocol").toUpperCase()),
                Double.parseDouble(v.get("rate")), Long.parseLong(v.get("count")), Duration.parse(v.get("duration")),
                Mix.valueOf(v.get("mix").toUpperCase()), Boolean.parseBoolean(v.get("units")),
                v.get("lot").isEmpty() ? null : v.get("lot"), Long.parseLong(v.get("bad-every")),
                Double.parseDouble(v.get("fault-chance")), Double.parseDouble(v.get("excursion-chance")),
                Long.parseLong(v.get("seed")), v.get("client-id"), v.get("edge-node"),
                Integer.parseInt(v.get("max-in-flight")), gateway, v.get("issuer").replaceAll("/+$", ""),
                v.get("oidc-client"), v.get("client-secret"), Set.copyOf(list(v.get("people-ops"))), Duration.parse(v.get("grace")),
                Integer.parseInt(v.get("open-lots")), minCells, maxCells, list(v.get("products")),
                Duration.parse(v.get("op-time")), Duration.parse(v.get("poll")),
                Double.parseDouble(v.get("out-of-limit-chance")), v.get("username"), v.get("password"));
    }

    /** Real work through the MES's API: a gateway was given and the mix makes cells. */
    boolean demoPlant() {
        return gateway != null && mix == Mix.PLANT;
    }

    /** A comma-separated list, without repeats; "none" or nothing is the empty list. */
    private static List<String> list(String value) {
        Set<String> set = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty() && !s.equalsIgnoreCase("none"))
                .forEach(set::add);
        return List.copyOf(set);
    }
}
