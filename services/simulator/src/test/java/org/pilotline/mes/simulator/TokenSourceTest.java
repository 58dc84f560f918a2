package org.pilotline.mes.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The line's token is fetched again before it expires, and at once when the MES refuses it. */
class TokenSourceTest {

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-03T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aTokenIsUsedUntilAMinuteBeforeItExpires() throws Exception {
        MovingClock clock = new MovingClock();
        int[] fetched = { 0 };
        TokenSource tokens = new TokenSource(() -> {
            fetched[0]++;
            return new TokenSource.Token("t" + fetched[0], clock.now, clock.now.plus(Duration.ofMinutes(15)));
        }, clock);
        assertEquals("t1", tokens.get());
        clock.now = clock.now.plus(Duration.ofMinutes(13));
        assertEquals("t1", tokens.get());
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        assertEquals("t2", tokens.get(), "renewed with a minute left");
        tokens.refused();
        assertEquals("t3", tokens.get(), "a refused token is replaced at once");
        assertEquals(3, fetched[0]);
    }

    @Test
    void aShortLivedTokenIsRenewedWithAQuarterOfItsLifeLeft() throws Exception {
        MovingClock clock = new MovingClock();
        int[] fetched = { 0 };
        TokenSource tokens = new TokenSource(() -> {
            fetched[0]++;
            return new TokenSource.Token("t" + fetched[0], clock.now, clock.now.plusSeconds(40));
        }, clock);
        tokens.get();
        clock.now = clock.now.plusSeconds(29);
        assertEquals("t1", tokens.get());
        clock.now = clock.now.plusSeconds(2);
        assertEquals("t2", tokens.get());
    }

    @Test
    void theUserNameIsReadFromTheToken() {
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"preferred_username\":\"service-account-mes-line-simulator\"}".getBytes());
        assertEquals("service-account-mes-line-simulator",
                TokenSource.claim("eyJhbGciOiJSUzI1NiJ9." + payload + ".sig", "preferred_username"));
    }
}
