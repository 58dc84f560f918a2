package org.pilotline.mes.genealogy.domain;

import java.time.Instant;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.EventTypes;
import org.pilotline.mes.contracts.events.ConsumptionRefused;
import org.pilotline.mes.kit.messaging.RejectedMessage;
import org.pilotline.mes.kit.outbox.Outbox;

/**
 * A machine's event that consumes material and is refused goes to the dead letters, like any bad message; it is
 * also announced (material.consumption-refused), because material was physically used that the MES would not
 * book: someone has to look at it.
 */
@ApplicationScoped
public class ConsumptionRefusals {

    private static final Set<String> CONSUMPTION = Set.of("unknown-material-lot", "material-lot-on-hold",
            "material-lot-not-available", "material-lot-expired", "unit-mismatch", "insufficient-quantity",
            "exposure-exceeded");

    private final Outbox outbox;

    ConsumptionRefusals(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The action, announcing a consumption refusal before it goes on to the dead letters. */
    public <T> BiConsumer<String, T> announcing(String type, Function<T, String> subject, BiConsumer<String, T> action) {
        return (eventId, data) -> {
            try {
                action.accept(eventId, data);
            } catch (RejectedMessage refused) {
                if (CONSUMPTION.contains(refused.category())) {
                    announce(new ConsumptionRefused(type, eventId, subject.apply(data), refused.category(),
                            refused.getMessage(), Instant.now()));
                }
                throw refused;
            }
        };
    }

    /** In a transaction of its own: the refused event's transaction has rolled back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void announce(ConsumptionRefused refused) {
        outbox.publish(EventTypes.Genealogy.CONSUMPTION_REFUSED, refused.subject(), refused);
    }
}
