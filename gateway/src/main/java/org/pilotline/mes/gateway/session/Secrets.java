package org.pilotline.mes.gateway.session;

import java.security.SecureRandom;
import java.util.Base64;

/** Random values nobody can guess: session ids, CSRF tokens, OAuth state, nonces, PKCE verifiers. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
