/** REST resources of the quality service under /api/quality, and their request and response records (never JPA entities). */
package org.pilotline.mes.quality.api;
