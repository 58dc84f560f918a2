/** What the equipment service consumes over MQTT: {@code MqttHandler} beans. What it publishes goes through the kit's outbox. */
package org.pilotline.mes.equipment.messaging;
