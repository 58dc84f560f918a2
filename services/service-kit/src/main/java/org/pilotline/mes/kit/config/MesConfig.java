package org.pilotline.mes.kit.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings every MES service shares, under {@code mes.}. */
@ConfigMapping(prefix = "mes")
public interface MesConfig {

    /** The service's name as in topics and routes, e.g. {@code work-orders}. */
    String service();

    /** Suffix of the service's own database name, mes_{database} (e.g. work_orders). */
    String database();

    Mqtt mqtt();

    Signature signature();

    Idempotency idempotency();

    interface Mqtt {
        /** tcp://host:port of the broker. */
        String url();

        /** Fixed client id: the broker keeps this session's subscriptions and queued messages across restarts. */
        String clientId();

        Optional<String> username();

        Optional<String> password();

        /** Tries of a message whose processing fails before it goes to the dead letters. */
        @WithDefault("5")
        int maxAttempts();

        /** At most this many waiting messages are processed in one transaction by a batch handler. */
        @WithDefault("1000")
        int maxBatch();

        /** How long the outbox waits for the broker to acknowledge a batch. */
        @WithDefault("10s")
        Duration publishTimeout();
    }

    interface Idempotency {
        /**
         * How long an applied {@code Idempotency-Key} is kept, its answer replayed to a repeated request; keys are
         * deleted after it (at least a day: a tablet may repeat a request after a night offline).
         */
        @WithDefault("24h")
        Duration retention();
    }

    interface Signature {
        /** How recent the signer's authentication must be (auth_time in the token). */
        @WithDefault("5m")
        Duration maxAuthAge();
    }
}
