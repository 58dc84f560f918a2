/** What the quality service consumes over MQTT: {@code MqttHandler} beans. What it publishes goes through the kit's outbox. */
package org.pilotline.mes.quality.messaging;
