package org.pilotline.mes.gateway.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.pilotline.mes.gateway.config.UiConfig;

import io.quarkus.qute.TemplateGlobal;
import io.quarkus.runtime.StartupEvent;

/** Settings every template may read without each page passing them. */
@TemplateGlobal
public final class Globals {

    /** Seconds between a screen's own refreshes (mes.ui.refresh-every). */
    static volatile long refreshSeconds = 10;

    /** Scrap reason codes offered on completion (each has a message key scrap_{code}). */
    static final java.util.List<String> scrapReasons = java.util.List.of("DAMAGED", "CONTAMINATED", "DIMENSION",
            "SHORT_CIRCUIT", "LEAK", "OTHER");

    private Globals() {
    }

    @ApplicationScoped
    static class Loader {
        void load(@Observes StartupEvent start, UiConfig config) {
            refreshSeconds = Math.max(1, config.refreshEvery().toSeconds());
        }
    }
}
