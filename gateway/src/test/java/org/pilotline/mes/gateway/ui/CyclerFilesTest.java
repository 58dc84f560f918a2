package org.pilotline.mes.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.gateway.ui.CyclerFiles.RefusedLine;

class CyclerFilesTest {

    private static final String HEADER = "cell,ocv1_v,ocv1_at,ocv2_v,ocv2_at,acir_mohm,capacity_ah,pressure_min_mpa,"
            + "pressure_max_mpa\n";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void emptyBinaryTooLargeAndUnnamedFilesAreRefusedBeforeQualityIsAsked() {
        assertEquals("file_empty", CyclerFiles.problem(new byte[0], "CYC-01"));
        assertEquals("file_empty", CyclerFiles.problem(bytes(" \n\n"), "CYC-01"));
        assertEquals("file_binary", CyclerFiles.problem(new byte[] { 'P', 'K', 3, 4, 0, 0 }, "CYC-01"));
        assertEquals("file_binary", CyclerFiles.problem(new byte[] { 'a', (byte) 0xC3, 'b' }, "CYC-01"),
                "not UTF-8");
        assertEquals("file_too_large", CyclerFiles.problem(bytes("x".repeat(CyclerFiles.MAX_BYTES + 1)), "CYC-01"));
        assertEquals("cycler_missing", CyclerFiles.problem(bytes(HEADER + "C-1,...\n"), ""));
        assertEquals("cycler_missing", CyclerFiles.problem(bytes(HEADER + "C-1,...\n"), "CYC 01"));
        assertNull(CyclerFiles.problem(bytes(HEADER + "C-1,...\n"), "CYC-01"));
        assertNull(CyclerFiles.problem(bytes("  {\"cycler\":\"CYC-01\",\"results\":[]}"), ""),
                "a JSON import names its cycler");
        assertNull(CyclerFiles.problem(bytes("\uFEFF" + HEADER + "C-1,Zürich\n"), "CYC-01"), "UTF-8 with a BOM is text");
    }

    @Test
    void jsonIsToldApartFromCsv() {
        assertTrue(CyclerFiles.json(bytes("\n {\"cycler\":\"X\"}")));
        assertFalse(CyclerFiles.json(bytes(HEADER)));
    }

    @Test
    void everyRefusedLineIsListedWithItsNumberIncludingCellsTheImportRefused() {
        String file = HEADER + "C-1,3.7,...\nC-2,3.7,...\nNOPE-9,3.7,...\n";
        ServiceProblem csv = new ServiceProblem(400, "invalid-csv",
                "line 2: 'sixty' is not a number; line 4: 8 fields, not 9", List.of(), List.of());
        assertEquals(List.of(new RefusedLine(2, "'sixty' is not a number"), new RefusedLine(4, "8 fields, not 9")),
                CyclerFiles.refusedLines(csv, bytes(file)));
        ServiceProblem imported = new ServiceProblem(400, "invalid-import",
                "NOPE-9: cell unknown to quality; C-2 appears twice; something about the file", List.of(), List.of());
        assertEquals(List.of(new RefusedLine(4, "NOPE-9: cell unknown to quality"),
                new RefusedLine(3, "C-2 appears twice"), new RefusedLine(null, "something about the file")),
                CyclerFiles.refusedLines(imported, bytes(file)));
    }

    @Test
    void aCellOfAJsonImportIsFoundOnItsLine() {
        String file = "{\"cycler\":\"CYC-01\",\"results\":[\n{\"cell\":\"C-1\",\"ocv1\":{}},\n{\"cell\": \"C-2\"}]}";
        ServiceProblem p = new ServiceProblem(400, "invalid-import", "x", List.of("C-2: OCV2 is not measured after OCV1"),
                List.of());
        assertEquals(List.of(new RefusedLine(3, "C-2: OCV2 is not measured after OCV1")),
                CyclerFiles.refusedLines(p, bytes(file)));
    }
}
