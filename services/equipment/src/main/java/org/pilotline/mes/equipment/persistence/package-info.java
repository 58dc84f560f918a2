/** How the equipment service stores its data in its own database (mes_equipment): JPA entities, repositories, SQL. */
package org.pilotline.mes.equipment.persistence;
