package org.pilotline.mes.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** The test-only key pair of test-keys/: tokens for per-module tests, verified by the service under test. */
final class TestKeys {

    private TestKeys() {
    }

    /** The public key as quarkus.oidc.public-key takes it: base64 DER, no PEM armour. */
    static String publicKeyBase64() {
        return body("test-keys/public.pem");
    }

    static PrivateKey privateKey() {
        try {
            byte[] der = Base64.getDecoder().decode(body("test-keys/private.pem"));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("test key unreadable", e);
        }
    }

    private static String body(String resource) {
        try (InputStream in = TestKeys.class.getClassLoader().getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing " + resource, e);
        }
    }
}
