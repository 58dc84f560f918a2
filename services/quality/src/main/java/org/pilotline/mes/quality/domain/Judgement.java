package org.pilotline.mes.quality.domain;

import java.math.BigDecimal;

/** A value judged against specification limits; either limit may be open. */
public record Judgement(String verdict, String reason) {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    public static final String NO_LIMITS = "NO_LIMITS";

    static Judgement of(String characteristic, BigDecimal value, String unit, String planUnit, BigDecimal lower,
            BigDecimal upper) {
        if (planUnit == null) {
            return new Judgement(NO_LIMITS, "no limits for " + characteristic + " in the plan in force");
        }
        if (!planUnit.equals(unit)) {
            return new Judgement(FAIL, characteristic + " measured in " + unit + ", the plan is in " + planUnit);
        }
        if (lower != null && value.compareTo(lower) < 0) {
            return new Judgement(FAIL, characteristic + " " + value.stripTrailingZeros().toPlainString() + " " + unit
                    + " below lower limit " + lower.stripTrailingZeros().toPlainString() + " " + unit);
        }
        if (upper != null && value.compareTo(upper) > 0) {
            return new Judgement(FAIL, characteristic + " " + value.stripTrailingZeros().toPlainString() + " " + unit
                    + " above upper limit " + upper.stripTrailingZeros().toPlainString() + " " + unit);
        }
        return new Judgement(PASS, null);
    }
}
