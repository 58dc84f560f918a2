package org.pilotline.mes.workorders.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.pilotline.mes.contracts.rest.LotDisposition;

/**
 * Asks quality for a lot's disposition, with a timeout and a circuit breaker: when quality is slow or down the
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
}
