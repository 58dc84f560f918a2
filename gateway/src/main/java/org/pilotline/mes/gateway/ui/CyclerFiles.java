package org.pilotline.mes.gateway.ui;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cycler's file as a person picks it in the browser: checked for what the gateway can tell without the quality
 * service (empty, binary, too large, no cycler named), told apart as CSV or JSON, and the service's refusal turned
 * into one line per bad line of the file, each with its number, so a person can find and fix every one.
 */
final class CyclerFiles {

    /** The largest file taken: 5,000 cells of CSV are about 600 kB; the gateway takes 4 MB bodies at most. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final Pattern CYCLER = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern LINE = Pattern.compile("line (\\d+): (.*)", Pattern.DOTALL);

    private CyclerFiles() {
    }

    /** What the gateway refuses before sending: a message key, or null when the file may go to quality. */
    static String problem(byte[] file, String cycler) {
        if (file == null || file.length == 0 || new String(file, StandardCharsets.UTF_8).isBlank()) {
            return "file_empty";
        }
        if (file.length > MAX_BYTES) {
            return "file_too_large";
        }
        if (binary(file)) {
            return "file_binary";
        }
        if (!json(file) && (cycler == null || !CYCLER.matcher(cycler).matches())) {
            return "cycler_missing";
        }
        return null;
    }

    /** A NUL byte or bytes that are not UTF-8: a spreadsheet or an image, not the cycler's text export. */
    static boolean binary(byte[] file) {
        for (byte b : file) {
            if (b == 0) {
                return true;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file));
            return false;
        } catch (CharacterCodingException e) {
            return true;
        }
    }

    /** The import as JSON (an object) rather than the cycler's CSV export. */
    static boolean json(byte[] file) {
        String text = text(file).stripLeading();
        return text.startsWith("{");
    }

    /** The file as text, without a byte-order mark (spreadsheet programs write one). */
    static String text(byte[] file) {
        String t = new String(file, StandardCharsets.UTF_8);
        return t.startsWith("\uFEFF") ? t.substring(1) : t;
    }

    /** A refused line: its number in the file (null: the file as a whole) and the reason. */
    record RefusedLine(Integer line, String reason) {
    }

    /**
     * Every reason quality gave, one per refused line. CSV problems name their line already ("line 3: ..."); the
     * import's own checks name the cell ("C-1: cell unknown to quality", "C-1 appears twice"): its line is found in
     * the file. Quality joins its reasons with "; " in the detail when it sends no list.
     */
    static List<RefusedLine> refusedLines(ServiceProblem refusal, byte[] file) {
        List<String> reasons = new ArrayList<>(refusal.reasons());
        if (reasons.isEmpty() && refusal.detail() != null && !refusal.detail().isBlank()) {
            reasons.addAll(Arrays.asList(refusal.detail().split("; ")));
        }
        refusal.fields().forEach(f -> reasons.add(f.field() + ": " + f.message()));
        List<String> lines = text(file).lines().toList();
        List<RefusedLine> out = new ArrayList<>();
        for (String r : reasons) {
            Matcher m = LINE.matcher(r);
            if (m.matches()) {
                out.add(new RefusedLine(Integer.valueOf(m.group(1)), m.group(2)));
                continue;
            }
            out.add(new RefusedLine(lineOfCell(lines, cellNamed(r)), r));
        }
        return out;
    }

    /** The cell a reason begins with: "C-1: ..." or "C-1 appears twice". */
    private static String cellNamed(String reason) {
        Matcher m = Pattern.compile("^([A-Za-z0-9_-]{1,100})(?::| appears twice)").matcher(reason);
        return m.find() ? m.group(1) : null;
    }

    /** The number (from 1) of the first line of the file with the cell as its first field or as a JSON "cell". */
    private static Integer lineOfCell(List<String> lines, String cell) {
        if (cell == null) {
            return null;
        }
        Pattern inJson = Pattern.compile("\"cell\"\\s*:\\s*\"" + Pattern.quote(cell) + "\"");
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.split(",", 2)[0].strip().equals(cell) || inJson.matcher(l).find()) {
                return i + 1;
            }
        }
        return null;
    }
}
