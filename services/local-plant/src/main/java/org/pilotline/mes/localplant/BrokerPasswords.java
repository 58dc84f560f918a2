package org.pilotline.mes.localplant;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Broker passwords kept as Mosquitto keeps them (PBKDF2 with HMAC-SHA512, 101 rounds, a 12-byte salt): the plain
 * password is never written anywhere, and the same hash serves Mosquitto's configuration and Moquette's check.
 */
final class BrokerPasswords {

    static final int ITERATIONS = 101;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A password hash with its salt, both Base64 as in Mosquitto's dynamic-security file. */
    record Hash(String salt, String hash) {

        boolean matches(byte[] password) {
            byte[] expected = Base64.getDecoder().decode(hash);
            return MessageDigest.isEqual(expected, pbkdf2(password, Base64.getDecoder().decode(salt)));
        }
    }

    private BrokerPasswords() {
    }

    static Hash hash(String password) {
        byte[] salt = new byte[12];
        RANDOM.nextBytes(salt);
        return new Hash(Base64.getEncoder().encodeToString(salt), Base64.getEncoder().encodeToString(
                pbkdf2(password.getBytes(java.nio.charset.StandardCharsets.UTF_8), salt)));
    }

    private static byte[] pbkdf2(byte[] password, byte[] salt) {
        char[] chars = new String(password, java.nio.charset.StandardCharsets.UTF_8).toCharArray();
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(chars, salt, ITERATIONS, 512)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 not available", e);
        }
    }
}
