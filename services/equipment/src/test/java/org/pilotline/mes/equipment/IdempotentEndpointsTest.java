package org.pilotline.mes.equipment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.kit.idempotency.Idempotent;
import org.pilotline.mes.testing.Endpoints;

/** Every request that changes state honours Idempotency-Key: a resource that forgets @Idempotent fails the build. */
class IdempotentEndpointsTest {

    @Test
    void everyStateChangingEndpointIsIdempotent() {
        // the one exception: a replayed answer would have to keep a machine's broker password, which must exist only
        // in the answer that issues it; issuing twice just replaces the credential
        assertEquals(List.of("MachineCredentialResource.issue"),
                Endpoints.writesWithout(Idempotent.class, "org.pilotline.mes.equipment.api"));
    }
}
