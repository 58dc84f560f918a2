package org.pilotline.mes.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pilotline.mes.gateway.session.Person;

class PagesTest {

    private static Person with(String... roles) {
        return new Person("id", "u", "U", Set.of(roles), Instant.now(), null);
    }

    @Test
    void eachRoleLandsOnItsOwnWork() {
        assertEquals("/ui/station", Pages.startPage(with("operator")));
        assertEquals("/ui/orders", Pages.startPage(with("supervisor")));
        assertEquals("/ui/orders", Pages.startPage(with("admin")));
        assertEquals("/ui/quality/holds", Pages.startPage(with("quality")));
        assertEquals("/ui/trace", Pages.startPage(with("auditor")));
    }

    @Test
    void afterALoginOnlyThisGatewaysOwnPagesAreReturnedTo() {
        assertEquals("/ui/station/PRESS-01?lot=L", Pages.localPath("/ui/station/PRESS-01?lot=L"));
        assertNull(Pages.localPath("https://evil.example/ui"));
        assertNull(Pages.localPath("//evil.example/ui"));
        assertNull(Pages.localPath("/\\evil.example"));
        assertNull(Pages.localPath("/auth/callback?code=x"), "never back into the login itself");
        assertNull(Pages.localPath(null));
        assertNull(Pages.localPath("/ui/lots\r\nSet-Cookie: x=1"), "no header split through a return address");
    }
}
