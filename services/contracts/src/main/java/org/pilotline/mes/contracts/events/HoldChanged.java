package org.pilotline.mes.contracts.events;

import java.time.Instant;

/** quality: a hold placed on an item or released (hold.placed / hold.released). */
public record HoldChanged(long hold, String itemType, String itemId, String reason, String source, String by,
        Instant at, boolean open) {
}
