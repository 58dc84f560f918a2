package org.pilotline.mes.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SerialFormatTest {

    @Test
    void serialsAreReadableFixedLengthAndCarryALuhnCheckDigit() {
        assertEquals("PL26000000427", SerialFormat.format(2026, 42)); // Luhn over 2600000042: sum 13, check 7
        assertEquals(13, SerialFormat.format(2026, 99_999_999L).length());
        assertTrue(SerialFormat.isValid("PL26000000427"));
    }

    @Test
    void aMistypedDigitOrSwappedNeighboursIsCaught() {
        assertFalse(SerialFormat.isValid("PL26000000426"), "wrong check digit");
        assertFalse(SerialFormat.isValid("PL26000000247"), "42 read as 24");
        assertFalse(SerialFormat.isValid("PL2600000047"), "a digit missing");
        assertFalse(SerialFormat.isValid("XX26000000427"), "not ours");
    }
}
