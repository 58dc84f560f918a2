package org.pilotline.mes.workorders.api;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.pilotline.mes.workorders.domain.LotState;

/** Body and answer of a lot approval or rejection, signed electronically. */
public final class ApprovalApi {

    private ApprovalApi() {
    }

    public enum Decision {
        APPROVE, REJECT
    }

    /** meaning: what the signature means, e.g. "approved for release"; reason: why. */
    public record LotDecision(@NotNull Decision decision, @NotBlank @Size(max = 200) String meaning,
            @NotBlank @Size(max = 2000) String reason) {
    }

    public record SignatureView(String signerId, String signer, String printedName, Instant signedAt, String meaning,
            String reason) {
    }

    public record DecisionView(String lot, LotState state, SignatureView signature) {
    }
}
