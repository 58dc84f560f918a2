package org.pilotline.mes.quality.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.quality.api.GradingApi.CellResult;
import org.pilotline.mes.quality.api.GradingApi.PressurePoint;
import org.pilotline.mes.quality.api.GradingApi.Reading;

/**
 * A cycler's export as CSV, one cell per line after the header
 * {@value #HEADER}; the pressure columns may be empty. Every bad line is reported with its number, and nothing is
 * taken from a file with one.
 */
final class CyclerCsv {

    static final String HEADER = "cell,ocv1_v,ocv1_at,ocv2_v,ocv2_at,acir_mohm,capacity_ah,pressure_min_mpa,"
            + "pressure_max_mpa";
    static final int MAX_LINES = 5000;

    private CyclerCsv() {
    }

    static List<CellResult> parse(String text) {
        List<String> all = text == null ? List.of() : text.lines().toList();
        // blank lines are skipped, but every line keeps its number in the file, as an editor shows it
        List<Integer> numbers = new ArrayList<>();
        for (int n = 0; n < all.size(); n++) {
            if (!all.get(n).isBlank()) {
                numbers.add(n + 1);
            }
        }
        List<String> lines = numbers.stream().map(n -> all.get(n - 1)).toList();
        if (lines.isEmpty() || !lines.get(0).strip().equalsIgnoreCase(HEADER)) {
            throw ProblemException.badRequest("invalid-csv", "the first line must be the header " + HEADER);
        }
        if (lines.size() < 2) {
            throw ProblemException.badRequest("invalid-csv", "no cells after the header");
        }
        if (lines.size() - 1 > MAX_LINES) {
            throw ProblemException.badRequest("invalid-csv", "at most " + MAX_LINES + " cells per file");
        }
        List<CellResult> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            int line = numbers.get(i);
            if (f.length != 9) {
                problems.add("line " + line + ": " + f.length + " fields, not 9");
                continue;
            }
            try {
                String cell = f[0].strip();
                if (!cell.matches("[A-Za-z0-9_-]{1,100}")) {
                    throw new IllegalArgumentException("cell '" + cell + "' is not a serial");
                }
                List<PressurePoint> pressure = new ArrayList<>();
                Instant ocv1At = instant(f[2]);
                if (!f[7].isBlank()) {
                    pressure.add(new PressurePoint(ocv1At, number(f[7])));
                }
                if (!f[8].isBlank()) {
                    pressure.add(new PressurePoint(ocv1At, number(f[8])));
                }
                BigDecimal acir = number(f[5]);
                BigDecimal capacity = number(f[6]);
                if (acir.signum() < 0 || capacity.signum() < 0 || pressure.stream().anyMatch(p -> p.mpa().signum() < 0)) {
                    throw new IllegalArgumentException("a negative resistance, capacity or pressure");
                }
                out.add(new CellResult(cell, new Reading(number(f[1]), ocv1At), new Reading(number(f[3]),
                        instant(f[4])), acir, capacity, pressure));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add("line " + line + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("invalid-csv", String.join("; ", problems));
        }
        return out;
    }

    private static BigDecimal number(String s) {
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s.strip() + "' is not a number");
        }
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s.strip() + "' is not a time like 2026-11-20T08:00:00Z");
        }
    }
}
