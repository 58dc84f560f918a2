package org.pilotline.mes.workorders.domain;

/** Development stage of a cell format (design brief, section 1). */
public enum Stage {
    SAMPLE, VALIDATION, PROCESS, PRODUCTION
}
