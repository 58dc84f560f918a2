package org.pilotline.mes.genealogy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.testing.Endpoints;

/** Every request that changes state honours Idempotency-Key: a resource that forgets @Idempotent fails the build. */
class IdempotentEndpointsTest {

    @Test
    void everyStateChangingEndpointIsIdempotent() {
        assertEquals(List.of(), Endpoints.writesWithout(Idempotent.class, "org.pilotline.mes.genealogy.api"));
    }
}
