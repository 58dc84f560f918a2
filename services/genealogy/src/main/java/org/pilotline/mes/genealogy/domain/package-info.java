/** The rules of the genealogy service: services that hold the transactions, and the states things move through. */
package org.pilotline.mes.genealogy.domain;
