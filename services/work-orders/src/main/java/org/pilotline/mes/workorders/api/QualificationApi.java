package org.pilotline.mes.workorders.api;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Bodies of /qualifications. */
public final class QualificationApi {

    private QualificationApi() {
    }

    /** validUntil: the last day it holds (empty: until revoked). */
    public record GrantQualification(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String user,
            @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,100}") String qualification, LocalDate validUntil) {
    }

    /** state: VALID today, EXPIRED (validUntil passed) or REVOKED (revokedAt, revokedBy). */
    public record QualificationView(long id, String user, String qualification, LocalDate validUntil,
            String grantedBy, Instant grantedAt, String state, Instant revokedAt, String revokedBy) {
    }
}
