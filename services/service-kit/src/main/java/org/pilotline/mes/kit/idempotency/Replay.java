package org.pilotline.mes.kit.idempotency;

/**
 * How a replay leaves the resource: the interceptor cannot return a stored answer from a method declared to return a
 * record, so it throws this, and {@link ReplayMapper} answers with the stored answer. No stack trace: it is no error.
 */
public class Replay extends RuntimeException {

    private final transient StoredAnswer answer;

    Replay(StoredAnswer answer) {
        super("replay of an applied request", null, false, false);
        this.answer = answer;
    }

    StoredAnswer answer() {
        return answer;
    }
}
