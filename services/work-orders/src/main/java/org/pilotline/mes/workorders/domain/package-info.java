/** The rules of the work-orders service: services that hold the transactions, and the states things move through. */
package org.pilotline.mes.workorders.domain;
