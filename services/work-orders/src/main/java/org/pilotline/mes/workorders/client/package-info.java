/** REST clients of other services that the work-orders service asks for a current answer, each with a timeout and a circuit breaker: quality's lot disposition. */
package org.pilotline.mes.workorders.client;
