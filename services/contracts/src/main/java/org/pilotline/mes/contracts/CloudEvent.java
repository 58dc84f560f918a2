package org.pilotline.mes.contracts;

import java.time.Instant;

/**
 * CloudEvents 1.0 structured-mode JSON envelope of every MES domain event.
 * {@code type} is the last level of the event's topic (e.g. {@code lot.created}).
 */
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public static <T> CloudEvent<T> of(String id, String service, String type, String subject, Instant time, T data) {
        return new CloudEvent<>(SPEC_VERSION, id, Services.source(service), type, subject, time, JSON, data);
    }
}
