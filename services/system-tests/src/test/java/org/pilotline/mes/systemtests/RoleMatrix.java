package org.pilotline.mes.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.pilotline.mes.systemtests.OpenApiOperations.Operation;

/**
 * The role matrix of {@code docs/security.md}: the first table under {@code ## Role matrix}, one row per REST
 * operation (columns {@code method} and {@code path}), one column per caller ({@code operator} ...
 * {@code anonymous}) whose cell says {@value #ALLOWED} (the caller passes) or the status it is refused with.
 * Other columns (notes) are left alone.
 */
record RoleMatrix(List<Row> rows) {

    static final String ALLOWED = "✓";
    static final List<String> CALLERS = List.of("operator", "supervisor", "quality", "auditor", "admin",
            "anonymous");
    private static final String SECTION = "## Role matrix";
    private static final Set<String> CELL_VALUES = Set.of(ALLOWED, "401", "403");

    /** One operation and, per caller, what the table says. */
    record Row(Operation operation, Map<String, String> cells) {
    }

    static RoleMatrix read(Path file) throws IOException {
        List<String> table = table(Files.readAllLines(file), file);
        List<String> header = cells(table.get(0));
        int method = column(header, "method", file);
        int path = column(header, "path", file);
        Map<String, Integer> callers = new LinkedHashMap<>();
        CALLERS.forEach(c -> callers.put(c, column(header, c, file)));

        List<Row> rows = new ArrayList<>();
        Set<Operation> seen = new HashSet<>();
        for (String line : table.subList(2, table.size())) { // after the header and the |---| line
            List<String> cells = cells(line);
            if (cells.size() != header.size()) {
                throw new IllegalStateException(file + ": " + cells.size() + " cells, not " + header.size() + ": "
                        + line);
            }
            Operation op = new Operation(cells.get(method).toUpperCase(Locale.ROOT), cells.get(path).replace("`", ""));
            if (!seen.add(op)) {
                throw new IllegalStateException(file + ": " + op + " is listed twice");
            }
            Map<String, String> byCaller = new LinkedHashMap<>();
            callers.forEach((caller, i) -> {
                if (!CELL_VALUES.contains(cells.get(i))) {
                    throw new IllegalStateException(file + ": " + op + ", " + caller + ": '" + cells.get(i)
                            + "' is none of " + CELL_VALUES);
                }
                byCaller.put(caller, cells.get(i));
            });
            rows.add(new Row(op, byCaller));
        }
        return new RoleMatrix(List.copyOf(rows));
    }

    /** The table's lines: from the first line starting with | after the section heading, to the last. */
    private static List<String> table(List<String> lines, Path file) {
        int section = lines.indexOf(SECTION);
        if (section < 0) {
            throw new IllegalStateException(file + " has no '" + SECTION + "' section");
        }
        List<String> table = new ArrayList<>();
        for (String line : lines.subList(section + 1, lines.size())) {
            if (line.startsWith("#")) {
                break; // the next section
            }
            if (line.startsWith("|")) {
                table.add(line);
            } else if (!table.isEmpty()) {
                break;
            }
        }
        if (table.size() < 3) {
            throw new IllegalStateException(file + ": no table with rows under '" + SECTION + "'");
        }
        return table;
    }

    private static List<String> cells(String line) {
        String inner = line.strip().replaceAll("^\\|", "").replaceAll("\\|$", "");
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    private static int column(List<String> header, String name, Path file) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException(file + ": the role matrix has no column '" + name + "'");
        }
        return i;
    }
}
