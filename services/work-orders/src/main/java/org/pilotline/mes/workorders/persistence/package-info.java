/** How the work-orders service stores its data in its own database (mes_work_orders): JPA entities, repositories, SQL. */
package org.pilotline.mes.workorders.persistence;
