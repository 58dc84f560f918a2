/** REST clients of other services: the quality service asks none yet; it learns from events. */
package org.pilotline.mes.quality.client;
