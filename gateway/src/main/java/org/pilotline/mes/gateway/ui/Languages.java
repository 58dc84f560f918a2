package org.pilotline.mes.gateway.ui;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import org.pilotline.mes.gateway.config.UiConfig;

/** The UI's languages, and which one to speak to a person or a tablet. */
@ApplicationScoped
public class Languages {

    private final List<String> supported;

    Languages(UiConfig config) {
        this.supported = List.copyOf(config.languages());
    }

    public List<String> supported() {
        return supported;
    }

    /**
     * The supported language closest to {@code preferred} (a user's or tablet's choice, e.g. {@code zh-CN} or
     * {@code zh}), else to the browser's Accept-Language, else the first.
     */
    public String pick(String preferred, HttpHeaders headers) {
        String match = match(preferred);
        if (match == null && headers != null) {
            for (Locale l : headers.getAcceptableLanguages()) {
                match = match(l.toLanguageTag());
                if (match != null) {
                    break;
                }
            }
        }
        return match != null ? match : supported.get(0);
    }

    private String match(String tag) {
        if (tag == null || tag.isBlank() || "*".equals(tag)) {
            return null;
        }
        Locale wanted = Locale.forLanguageTag(tag.replace('_', '-'));
        for (String s : supported) {
            if (Locale.forLanguageTag(s).equals(wanted)) {
                return s;
            }
        }
        for (String s : supported) {
            if (Locale.forLanguageTag(s).getLanguage().equals(wanted.getLanguage())) {
                return s;
            }
        }
        return null;
    }

    public static Locale locale(String language) {
        return Locale.forLanguageTag(language);
    }
}
