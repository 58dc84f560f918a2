package org.pilotline.mes.gateway.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the live line view and a machine's page. */
@ConfigMapping(prefix = "mes.line")
public interface LineConfig {

    /**
     * When each shift begins, plant local time (HH:mm), in any order; a shift ends when the next begins. The line
     * view's OEE is the current shift's; a machine's page offers the shift as a range.
     */
    @WithDefault("06:00,14:00,22:00")
    List<String> shiftStarts();

    /** The plant's time zone for the shift boundaries (default: the gateway's). */
    Optional<String> zone();
}
