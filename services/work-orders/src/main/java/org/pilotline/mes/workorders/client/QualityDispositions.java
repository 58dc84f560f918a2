package org.pilotline.mes.workorders.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.pilotline.mes.contracts.rest.LotDisposition;
import org.pilotline.mes.contracts.rest.StartClearance;

/**
 * Asks quality for a lot's disposition and for start clearance, with a timeout and a circuit breaker: when quality is slow or down the
 * call fails fast, and the approval that asked fails closed.
 */
@ApplicationScoped
public class QualityDispositions {

    private final QualityClient quality;

    QualityDispositions(@RestClient QualityClient quality) {
        this.quality = quality;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public LotDisposition of(String lot, String bearerToken) {
        return quality.disposition(lot, "Bearer " + bearerToken);
    }

    /** May the next operation start? Same timeout; its own breaker, so slow gates do not block approvals. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public StartClearance clearance(String lot, String after, String cell, String station, String bearerToken) {
        return quality.clearance(lot, after, cell, station, "Bearer " + bearerToken);
    }
}
