package org.pilotline.mes.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormsTest {

    private static final String PAGE_KEY = "0b7e6f5c-1d2a-4c3b-9e8f-7a6b5c4d3e2f";

    private static ServiceProblem problem(int status, String slug) {
        return new ServiceProblem(status, slug, "", List.of(), List.of());
    }

    @Test
    void aFormSentAgainAfterAnUnansweredSubmitCarriesTheSameKeySoItIsAppliedOnce() {
        // the page renders {key}-complete for that form again from the page key kept here
        assertEquals(PAGE_KEY, Forms.keyToResend(problem(504, "service-timeout"), Map.of("key", PAGE_KEY
                + "-complete")));
        assertEquals(PAGE_KEY, Forms.keyToResend(problem(409, "quality-gate-pending"), Map.of("key", PAGE_KEY)));
    }

    @Test
    void aKeyTheServiceSaysWasUsedForSomethingElseOrNoKeyAtAllGetsAFreshOne() {
        assertNotEquals(PAGE_KEY, Forms.keyToResend(problem(422, "idempotency-key-reused"), Map.of("key", PAGE_KEY
                + "-start")));
        assertEquals(36, Forms.keyToResend(problem(503, "service-unavailable"), Map.of()).length());
        assertNotEquals("not-a-key", Forms.keyToResend(problem(503, "service-unavailable"), Map.of("key",
                "not-a-key")));
    }
}
