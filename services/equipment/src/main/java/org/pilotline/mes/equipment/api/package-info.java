/** REST resources of the equipment service under /api/equipment, and their request and response records (never JPA entities). */
package org.pilotline.mes.equipment.api;
