/** REST clients of other services: the genealogy service asks none yet; it learns from events. */
package org.pilotline.mes.genealogy.client;
