package org.pilotline.mes.contracts.events;

import java.time.Instant;

/**
 * equipment: an alarm was raised ({@code alarm.raised}, {@code active} true) or cleared ({@code alarm.cleared},
 * {@code active} false). Published only when the alarm's occurrence changed: a machine repeating a raise of an
 * active alarm, or clearing one that is not active, publishes nothing. A clear carries the code and time only
 * ({@code severity} and {@code text} null); the occurrence with both times is in the equipment's alarm history.
 */
public record EquipmentAlarm(String equipment, String code, String severity, String text, boolean active,
        Instant ts) {
}
