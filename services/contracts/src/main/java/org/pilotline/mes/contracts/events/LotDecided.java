package org.pilotline.mes.contracts.events;

import java.time.Instant;

/** work-orders: a lot was approved or rejected under an electronic signature. */
public record LotDecided(String lot, String workOrder, String decision, String signedBy, String printedName,
        String meaning, String reason, Instant signedAt) {
}
