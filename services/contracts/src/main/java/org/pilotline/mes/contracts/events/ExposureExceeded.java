package org.pilotline.mes.contracts.events;

import java.time.Instant;

/**
 * genealogy: a moisture-sensitive material lot was outside inert or dry atmosphere longer than its material type
 * allows. Genealogy takes nothing from it any more; quality is to hold it and decide.
 */
public record ExposureExceeded(String materialLot, String materialType, double exposedMinutes, int limitMinutes,
        String location, Instant at) {
}
