/** How the genealogy service stores its data in its own database (mes_genealogy): JPA entities, repositories, SQL. */
package org.pilotline.mes.genealogy.persistence;
