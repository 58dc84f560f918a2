package org.pilotline.mes.contracts.events;

import java.time.Instant;

/**
 * equipment: a dry room or glovebox reading left its limits (started; endedAt null) or came back inside them
 * (ended). Quality and genealogy hold what was exposed between startedAt and endedAt.
 */
public record EnvironmentExcursion(long excursion, String equipment, String equipmentClass, String area,
        String line, String tag, String unit, Double lowerLimit, Double upperLimit, Instant startedAt,
        Instant endedAt, double worstValue, Instant worstAt) {
}
