package org.pilotline.mes.localplant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Logger;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;

/** A real MQTT 3.1.1 broker (Moquette) in this JVM: QoS 1, persistent sessions, anonymous access on loopback. */
public final class LocalBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalBroker.class.getName());

    private final int port;
    private final Path dataDir;
    private Server server;

    /** @param dataDir where queued messages of offline sessions survive a broker restart; null keeps them in memory */
    public LocalBroker(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public synchronized LocalBroker start() {
        // Moquette logs every packet at INFO; a plant's broker log should hold what matters
        java.util.logging.Logger.getLogger("io.moquette").setLevel(java.util.logging.Level.WARNING);
        Properties p = new Properties();
        p.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
        p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
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
            server.startServer(new MemoryConfig(p));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the MQTT broker on port " + port, e);
        }
        LOG.info(() -> "MQTT broker ready on " + url());
        return this;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }
}
