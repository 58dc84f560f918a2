package org.pilotline.mes.contracts.events;

import java.math.BigDecimal;

/** quality: a measurement was judged against the limits in force. Verdict: PASS, FAIL, NO_LIMITS. */
public record MeasurementJudged(String characteristic, BigDecimal value, String unit, String verdict, String cell,
        String lot, String product) {
}
