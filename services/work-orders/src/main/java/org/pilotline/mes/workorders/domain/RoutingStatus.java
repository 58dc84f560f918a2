package org.pilotline.mes.workorders.domain;

/** draft -> released -> obsolete; a released routing is never edited, a change is a new version. */
public enum RoutingStatus {
    DRAFT, RELEASED, OBSOLETE
}
