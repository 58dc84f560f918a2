package org.pilotline.mes.simulator;

import java.util.ArrayList;
import java.util.List;

import org.pilotline.mes.contracts.SerialFormat;

/**
 * Cell serials as work-orders hands them out ({@code PL} + two-digit year + eight-digit number + Luhn check digit),
 * to read a lot's serial blocks (first serial and count) back into its serials.
 */
final class Serials {

    private Serials() {
    }

    /** The {@code count} serials of a block starting at {@code first}. */
    static List<String> block(String first, int count) {
        if (first == null || !first.matches("PL\\d{11}")) {
            throw new IllegalArgumentException("not a cell serial: " + first);
        }
        int year = Integer.parseInt(first.substring(2, 4));
        long number = Long.parseLong(first.substring(4, 12));
        List<String> serials = new ArrayList<>(count);
        for (long n = number; n < number + count; n++) {
            serials.add(SerialFormat.format(year, n));
        }
        return serials;
    }
}
