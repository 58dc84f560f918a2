/** REST resources of the genealogy service under /api/genealogy, and their request and response records (never JPA entities). */
package org.pilotline.mes.genealogy.api;
