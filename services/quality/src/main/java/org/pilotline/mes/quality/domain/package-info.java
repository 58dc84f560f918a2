/** The rules of the quality service: services that hold the transactions, and the states things move through. */
package org.pilotline.mes.quality.domain;
