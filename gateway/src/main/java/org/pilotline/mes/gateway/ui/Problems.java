package org.pilotline.mes.gateway.ui;

import java.util.Set;

/** The problem types the UI explains in its own words (both languages); others get a general headline. */
final class Problems {

    private static final Set<String> KNOWN = Set.of("previous-operation-open", "operation-already-started",
            "work-order-not-running", "lot-finished", "operator-not-qualified", "station-required", "unknown-station",
            "wrong-station", "equipment-not-available", "quality-gate-failed", "quality-gate-pending", "on-hold",
            "equipment-unavailable", "quality-unavailable", "operation-paused", "operation-not-paused",
            "operation-not-running", "parameter-out-of-limit", "parameters-invalid", "scrap-reason-required",
            "cells-in-process", "cell-scrapped", "invalid-serial", "not-found", "illegal-transition",
            "reason-required", "lot-not-ready", "lot-not-ok", "lot-already-decided",
            "signer-executed-last-operation", "signature-too-old", "signature-incomplete",
            "material-lot-not-available", "insufficient-quantity", "material-lot-expired", "material-lot-on-hold",
            "exposure-exceeded", "validation", "concurrent-update", "service-unavailable", "service-timeout",
            "forbidden", "idempotency-key-reused", "lot-not-at-station", "cell-not-at-station",
            "open-an-operation-first", "unknown-code", "not-a-number", "unknown-product", "qualification-revoked", "unit-mismatch",
            "signature-stale-authentication", "lot-or-cell", "keycloak-unavailable");

    private Problems() {
    }

    static boolean knows(String slug) {
        return KNOWN.contains(slug);
    }
}
