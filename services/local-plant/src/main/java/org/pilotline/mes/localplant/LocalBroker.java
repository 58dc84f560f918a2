package org.pilotline.mes.localplant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;

/**
 * A real MQTT broker on loopback: QoS 1, persistent sessions, anonymous access or only the given accounts. Mosquitto when it is installed (the
 * broker a plant runs; a consumer killed with messages in flight gets them all back from it), otherwise Moquette in
 * this JVM, so that a machine with only a JDK can run the plant and its tests. {@code MES_BROKER=moquette} forces
 * Moquette.
 */
public final class LocalBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalBroker.class.getName());

    private final int port;
    private final Path dataDir;
    private Server server;
    private MosquittoProcess mosquitto;
    private Path mosquittoDir;
    private String kind;
    /** The accounts, as Mosquitto's dynamic-security plugin keeps them; Moquette here keeps the same file. */
    static final String SECURITY_FILE = "dynamic-security.json";

    private List<BrokerAccount> accounts;
    private boolean forceMoquette;

    /** @param dataDir where queued messages of offline sessions survive a broker restart; null keeps them in memory */
    public LocalBroker(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Every client must log in with one of these accounts and may publish and subscribe only as its account allows;
     * without accounts the broker lets anyone in (the default until every client of the plant has an account).
     */
    public LocalBroker withAccounts(List<BrokerAccount> accounts) {
        this.accounts = List.copyOf(accounts);
        return this;
    }

    /** Moquette even where Mosquitto is installed (a test of both brokers). */
    public LocalBroker moquette() {
        this.forceMoquette = true;
        return this;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Which broker runs, with its version: "Mosquitto 2.0.11" or "Moquette 0.17". */
    public String kind() {
        return kind;
    }

    public boolean isMosquitto() {
        return mosquitto != null;
    }

    public synchronized LocalBroker start() {
        Path executable = forceMoquette || "moquette".equalsIgnoreCase(System.getenv("MES_BROKER")) ? null
                : MosquittoProcess.executable();
        if (executable != null && accounts != null && MosquittoProcess.dynamicSecurityPlugin() == null) {
            LOG.warning("Mosquitto's dynamic-security plugin is not installed: the broker with accounts is Moquette");
            executable = null;
        }
        if (executable != null) {
            mosquittoDir = dataDir != null ? dataDir : TempDirs.create("mes-mosquitto");
            mosquitto = MosquittoProcess.start(executable, port, mosquittoDir, dataDir != null, accounts);
            kind = MosquittoProcess.version(executable);
            LOG.info(() -> kind + " ready on " + url() + " (log in " + mosquittoDir.resolve("mosquitto.log") + ")");
            return this;
        }
        startMoquette();
        kind = "Moquette 0.17";
        return this;
    }

    private void startMoquette() {
        // Moquette logs every packet at INFO; a plant's broker log should hold what matters
        java.util.logging.Logger.getLogger("io.moquette").setLevel(java.util.logging.Level.WARNING);
        Properties p = new Properties();
        p.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
        p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, Boolean.toString(accounts == null));
        p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false"); // no calls home from a plant network
        // mosquitto_pub and many PLC clients connect with an empty client id (MQTT 3.1.1, clean session)
        p.setProperty(BrokerConstants.ALLOW_ZERO_BYTE_CLIENT_ID_PROPERTY_NAME, "true");
        p.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        p.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(1024 * 1024));
        p.setProperty(IConfig.SESSION_QUEUE_SIZE, "65536");
        if (dataDir == null) {
            p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "true");
            p.setProperty(IConfig.PERSISTENT_QUEUE_TYPE_PROPERTY_NAME, "segmented");
            p.setProperty(IConfig.DATA_PATH_PROPERTY_NAME, dataDir.toAbsolutePath().toString());
        }
        server = new Server();
        try {
            if (accounts == null) {
                server.startServer(new MemoryConfig(p));
            } else {
                Path file = dataDir == null ? null : dataDir.resolve(SECURITY_FILE);
                DynamicSecurity security = DynamicSecurity.read(file);
                accounts.forEach(security::put);
                if (file != null) {
                    security.write(file);
                }
                Server s = server;
                MoquetteAccess access = new MoquetteAccess(security, file, answer -> s.internalPublish(
                        MqttMessageBuilders.publish().topicName(BrokerAccount.CONTROL + "/response")
                                .qos(MqttQoS.AT_MOST_ONCE).payload(Unpooled.wrappedBuffer(answer)).build(),
                        "mes-dynamic-security"));
                server.startServer(new MemoryConfig(p), List.of(access), null, access, access);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the MQTT broker on port " + port, e);
        }
        LOG.info(() -> "Moquette MQTT broker ready on " + url());
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
        if (mosquitto != null) {
            mosquitto.close();
            mosquitto = null;
            if (dataDir == null) {
                TempDirs.delete(mosquittoDir);
            }
        }
    }
}
