package org.pilotline.mes.localplant;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The broker accounts of the MES itself, one per client: the four services (each publishing only its own domain
 * events and reading only those it consumes), the gateway (reads events for the screens) and the line simulator
 * (publishes as any machine of the line: it plays them all). Machines get theirs from the equipment registry.
 * Passwords are random, made once and kept in a file only its owner reads, so a restart of the plant keeps them.
 */
public final class PlantAccounts {

    /** Whose domain events each service consumes (its MQTT subscriptions). */
    public static final Map<String, List<String>> CONSUMES = Map.of(
            "work-orders", List.of("equipment"),
            "equipment", List.of(),
            "genealogy", List.of("equipment", "quality", "work-orders"),
            "quality", List.of("equipment", "genealogy", "work-orders"));

    public static final String GATEWAY = "gateway";
    public static final String SIMULATOR = "simulator";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords;

    private PlantAccounts(Map<String, String> passwords) {
        this.passwords = passwords;
    }

    /** Reads the passwords kept in the file, makes the missing ones and writes the file back (mode 600). */
    public static PlantAccounts load(Path file) {
        Properties kept = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                kept.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : users()) {
            passwords.put(user, kept.getProperty(user, newPassword()));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".tmp"));
            Path tmp = Files.createFile(file.resolveSibling(file.getFileName() + ".tmp"));
            restrict(tmp);
            try (Writer w = Files.newBufferedWriter(tmp)) {
                Properties out = new Properties();
                out.putAll(passwords);
                out.store(w, "MQTT passwords of the local plant's own clients (user=password); keep private");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        return new PlantAccounts(passwords);
    }

    /** Fixed passwords, for tests: {@code prefix + user}. */
    public static PlantAccounts forTests(String prefix) {
        Map<String, String> passwords = new LinkedHashMap<>();
        users().forEach(u -> passwords.put(u, prefix + u));
        return new PlantAccounts(passwords);
    }

    private static List<String> users() {
        List<String> users = new ArrayList<>(CONSUMES.keySet().stream().sorted().toList());
        users.addAll(List.of(GATEWAY, SIMULATOR));
        return users;
    }

    public String password(String user) {
        String p = passwords.get(user);
        if (p == null) {
            throw new IllegalArgumentException("no broker account " + user);
        }
        return p;
    }

    /** The accounts to configure on the broker. */
    public List<BrokerAccount> accounts() {
        List<BrokerAccount> accounts = new ArrayList<>();
        CONSUMES.forEach((service, consumes) -> accounts.add(
                BrokerAccount.service(service, password(service), consumes)));
        accounts.add(BrokerAccount.gateway(password(GATEWAY)));
        accounts.add(BrokerAccount.lineSimulator(SIMULATOR, password(SIMULATOR)));
        return accounts;
    }

    private static String newPassword() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays in the user's own directory
        }
    }
}
