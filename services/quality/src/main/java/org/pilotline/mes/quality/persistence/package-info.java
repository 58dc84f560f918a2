/** How the quality service stores its data in its own database (mes_quality): JPA entities, repositories, SQL. */
package org.pilotline.mes.quality.persistence;
