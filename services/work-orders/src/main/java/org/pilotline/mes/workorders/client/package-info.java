/** REST clients of other services that the work-orders service asks for a current answer, each with a timeout and a circuit breaker: quality's lot disposition and start clearance, equipment's availability. */
package org.pilotline.mes.workorders.client;
