package org.pilotline.mes.quality.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.pilotline.mes.contracts.events.RoutingReleased;
import org.pilotline.mes.kit.messaging.Inbox;
import org.pilotline.mes.quality.persistence.QualityStore;

/**
 * A routing released by work-orders, once: its characteristics into the product's plan, its process parameter
 * limits for grading, and the product's stage for the stage comparison.
 */
@ApplicationScoped
public class RoutingReleases {

    private final Inbox inbox;
    private final PlanService plans;
    private final GradingService grading;
    private final QualityStore store;

    RoutingReleases(Inbox inbox, PlanService plans, GradingService grading, QualityStore store) {
        this.inbox = inbox;
        this.plans = plans;
        this.grading = grading;
        this.store = store;
    }

    @Transactional
    public void on(String eventId, RoutingReleased r) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        plans.fromRouting(r);
        grading.onRoutingReleased(r);
        if (r.stage() != null) {
            store.productStage(r.product(), r.stage());
        }
    }
}
