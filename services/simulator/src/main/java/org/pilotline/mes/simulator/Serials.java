package org.pilotline.mes.simulator;

import java.util.ArrayList;
import java.util.List;

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
        String year = first.substring(2, 4);
        long number = Long.parseLong(first.substring(4, 12));
        List<String> serials = new ArrayList<>(count);
        for (long n = number; n < number + count; n++) {
            String digits = year + String.format("%08d", n);
            serials.add("PL" + digits + luhn(digits));
        }
        return serials;
    }

    /** The Luhn check digit of a string of digits (the rightmost payload digit is doubled). */
    static int luhn(String digits) {
        int sum = 0;
        boolean dbl = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }
}
