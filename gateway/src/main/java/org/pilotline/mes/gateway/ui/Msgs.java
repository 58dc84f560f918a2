package org.pilotline.mes.gateway.ui;

import org.pilotline.mes.gateway.session.UiSession;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** A message bundle in the person's language, for text written into what is signed (a manifest's values). */
final class Msgs {

    private Msgs() {
    }

    static <T> T of(UiSession s, Class<T> bundle) {
        return MessageBundles.get(bundle, Localized.Literal.of(Languages.locale(s.language()).toLanguageTag()));
    }
}
