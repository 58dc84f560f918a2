package org.pilotline.mes.gateway.ui;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of a machine's page (state history, alarms, trends) and the line's production figures, in English;
 * Simplified Chinese in {@code messages/mc_zh_CN.properties} (MessagesTest keeps the two complete). Used in
 * templates as {@code {mc:key}}.
 */
@MessageBundle(value = "mc", locale = "en")
public interface MachineMsg {

    @Message("Machine")
    String machine_title();
}
