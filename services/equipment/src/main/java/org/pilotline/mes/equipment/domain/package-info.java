/** The rules of the equipment service: services that hold the transactions, and the states things move through. */
package org.pilotline.mes.equipment.domain;
