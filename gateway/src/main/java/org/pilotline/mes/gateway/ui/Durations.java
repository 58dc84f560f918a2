package org.pilotline.mes.gateway.ui;

import java.time.Duration;

/** Durations as the plant reads them on a screen: hours and minutes, "3 h 07 min", "12 min", "< 1 min". */
final class Durations {

    private Durations() {
    }

    static String hoursMinutes(Duration d) {
        if (d == null || d.isNegative()) {
            return "";
        }
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return "< 1 min";
        }
        return minutes < 60 ? minutes + " min" : "%d h %02d min".formatted(minutes / 60, minutes % 60);
    }
}
