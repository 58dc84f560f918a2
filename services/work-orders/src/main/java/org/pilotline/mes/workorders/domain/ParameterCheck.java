package org.pilotline.mes.workorders.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pilotline.mes.contracts.events.OperationSpec;
import org.pilotline.mes.contracts.events.ParameterSpec;
import org.pilotline.mes.kit.problem.ProblemException;

/** Process parameters entered at completion, against the routing snapshot's limits. */
final class ParameterCheck {

    private ParameterCheck() {
    }

    /**
     * Every parameter of the operation is required and unknown codes are refused (400); returns the values outside
     * their limits, each described with its limit.
     */
    static List<String> outsideLimits(OperationSpec op, Map<String, BigDecimal> values) {
        List<ParameterSpec> specs = op.parameters() == null ? List.of() : op.parameters();
        List<String> missing = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (ParameterSpec p : specs) {
            BigDecimal v = values.get(p.code());
            if (v == null) {
                missing.add(p.code() + " (" + p.unit() + ") missing");
            } else if (p.lowerLimit() != null && v.compareTo(p.lowerLimit()) < 0) {
                outside.add(p.code() + " " + plain(v) + " " + p.unit() + " below " + plain(p.lowerLimit()));
            } else if (p.upperLimit() != null && v.compareTo(p.upperLimit()) > 0) {
                outside.add(p.code() + " " + plain(v) + " " + p.unit() + " above " + plain(p.upperLimit()));
            }
        }
        values.keySet().stream().filter(k -> specs.stream().noneMatch(p -> p.code().equals(k)))
                .forEach(k -> missing.add(k + " is not a parameter of " + op.code()));
        if (!missing.isEmpty()) {
            throw new ProblemException(400, "parameters-invalid", "Parameters missing or unknown",
                    op.code() + " asks for " + specs.stream().map(ParameterSpec::code).toList(), missing);
        }
        return outside;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
