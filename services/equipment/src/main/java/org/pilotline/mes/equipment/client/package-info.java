/** REST clients of other services: the equipment service asks none; the others ask it. */
package org.pilotline.mes.equipment.client;
