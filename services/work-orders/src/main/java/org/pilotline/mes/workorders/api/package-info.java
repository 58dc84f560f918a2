/** REST resources of the work-orders service under /api/work-orders, and their request and response records (never JPA entities). */
package org.pilotline.mes.workorders.api;
