package org.pilotline.mes.kit.messaging;

/** A message that can never be processed (malformed, unknown sender, violates a rule): dead-letter it, go on. */
public class RejectedMessage extends RuntimeException {

    private final String category;

    /** @param category short, stable, for the metric tag, e.g. "malformed", "unknown-equipment" */
    public RejectedMessage(String category, String reason) {
        super(reason);
        this.category = category;
    }

    public String category() {
        return category;
    }
}
