package org.pilotline.mes.contracts;

/**
 * Cell serials as people and scanners read them: "PL" + two-digit year + eight-digit number + a check digit,
 * e.g. number 42 in 2026 -> PL26000000427. Thirteen upper-case characters, printable as DataMatrix text; the
 * check digit (Luhn, over the digits) catches a mistyped or misread digit. Work-orders issues them; the simulator
 * reads a lot's serial blocks back into serials with it.
 */
public final class SerialFormat {

    private static final String PREFIX = "PL";

    private SerialFormat() {
    }

    public static String format(int year, long number) {
        if (number < 1 || number > 99_999_999L) {
            throw new IllegalArgumentException("serial number out of range: " + number);
        }
        String digits = String.format("%02d%08d", year % 100, number);
        return PREFIX + digits + luhn(digits);
    }

    public static boolean isValid(String serial) {
        if (serial == null || !serial.matches(PREFIX + "\\d{11}")) {
            return false;
        }
        String digits = serial.substring(2, 12);
        return luhn(digits) == serial.charAt(12) - '0';
    }

    /** The counter value a valid serial carries. */
    public static long number(String serial) {
        if (!isValid(serial)) {
            throw new IllegalArgumentException("not a valid serial: " + serial);
        }
        return Long.parseLong(serial.substring(4, 12));
    }

    /** The Luhn check digit of a string of digits. */
    static int luhn(String digits) {
        int sum = 0;
        boolean dbl = true; // the rightmost digit of the payload is doubled, as the check digit will follow it
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
