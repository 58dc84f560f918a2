/** What the work-orders service consumes over MQTT: nothing yet (unit.completed arrives with execution). What it publishes goes through the kit's outbox. */
package org.pilotline.mes.workorders.messaging;
