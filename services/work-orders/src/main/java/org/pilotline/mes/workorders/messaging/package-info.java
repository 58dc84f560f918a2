/** What the work-orders service consumes over MQTT: equipment's unit.completed. What it publishes goes through the kit's outbox. */
package org.pilotline.mes.workorders.messaging;
