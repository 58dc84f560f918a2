package org.pilotline.mes.kit.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Takes the SHA-256 of the body of a state-changing request that carries an {@code Idempotency-Key}, before the body
 * is read into the resource's arguments: a key is for one request with one body, byte for byte. The body is put back
 * for the resource. Requests without the header are left alone.
 */
public class BodyFingerprint {

    /** Request property holding the hex SHA-256 of the body (of no body: of zero bytes). */
    static final String PROPERTY = "mes.idempotency.body-sha256";
    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter(readBody = true)
    public void fingerprint(ContainerRequestContext request) throws IOException {
        if (!WRITES.contains(request.getMethod()) || !request.getHeaders().containsKey(IdempotencyKey.HEADER)) {
            return;
        }
        InputStream in = request.getEntityStream();
        byte[] body = in == null ? new byte[0] : in.readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        request.setProperty(PROPERTY, sha256(body));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
