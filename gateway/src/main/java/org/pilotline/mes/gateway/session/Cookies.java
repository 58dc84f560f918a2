package org.pilotline.mes.gateway.session;

import jakarta.ws.rs.core.NewCookie;

import org.pilotline.mes.gateway.config.UiConfig;

/** The gateway's cookies: HttpOnly (no script reads them), SameSite=Lax, Secure where the plant runs HTTPS. */
public final class Cookies {

    public static final String SESSION = "mes_session";
    /** Binds a login's state to the browser that started it (login CSRF). */
    public static final String LOGIN = "mes_login";
    /** The station a tablet works at, remembered on the tablet. */
    public static final String STATION = "mes_station";
    /** The language chosen on a tablet before anyone logged in. */
    public static final String LANGUAGE = "mes_lang";

    private Cookies() {
    }

    public static NewCookie of(UiConfig config, String name, String value, int maxAgeSeconds, boolean httpOnly) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAgeSeconds).httpOnly(httpOnly)
                .secure(config.secureCookies()).sameSite(NewCookie.SameSite.LAX).build();
    }

    public static NewCookie cleared(UiConfig config, String name) {
        return of(config, name, "", 0, true);
    }
}
