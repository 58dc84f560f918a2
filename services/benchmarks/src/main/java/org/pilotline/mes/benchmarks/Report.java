package org.pilotline.mes.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** docs/benchmarks.md: each benchmark owns the section between its two markers and rewrites only that. */
final class Report {

    private Report() {
    }

    static void write(Path file, String name, String section) throws IOException {
        String start = "<!-- bench:" + name + " -->";
        String end = "<!-- /bench:" + name + " -->";
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        String block = start + "\n" + section.strip() + "\n" + end;
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + block + text.substring(to + end.length());
        } else {
            text = text.stripTrailing() + "\n\n" + block + "\n";
        }
        Files.writeString(file, text);
    }
}
