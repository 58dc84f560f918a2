package org.pilotline.mes.gateway.ui;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of the auditor's screens (trace, as-built, recall scope, audit trail, exposure clocks), in English;
 * Simplified Chinese in {@code messages/au_zh_CN.properties} (MessagesTest keeps the two complete). Used in
 * templates as {@code {au:key}}.
 */
@MessageBundle(value = "au", locale = "en")
public interface AuditMsg {

    @Message("Trace")
    String trace_title();
}
