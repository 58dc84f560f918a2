package org.pilotline.mes.gateway.ui;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of quality's charts (SPC, Pareto, grading, stage comparison) and file uploads, in English; Simplified
 * Chinese in {@code messages/qc_zh_CN.properties} (MessagesTest keeps the two complete). Used in templates as {@code
 * {qc:key}}.
 */
@MessageBundle(value = "qc", locale = "en")
public interface QualityChartsMsg {

    @Message("SPC")
    String spc_title();
}
