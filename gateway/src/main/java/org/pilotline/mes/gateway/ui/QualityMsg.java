package org.pilotline.mes.gateway.ui;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The strings of quality's boards (holds, nonconformance reports) and the quality section's tabs, in English;
 * Simplified Chinese in {@code messages/qm_zh_CN.properties} (MessagesTest keeps the two complete). Used in
 * templates as {@code {qm:key}}.
 */
@MessageBundle(value = "qm", locale = "en")
public interface QualityMsg {

    @Message("Quality")
    String quality_title();

    @Message("Holds")
    String tab_holds();

    @Message("Nonconformances")
    String tab_ncrs();

    @Message("Pareto")
    String tab_pareto();

    @Message("SPC")
    String tab_spc();

    @Message("Grading")
    String tab_grading();

    @Message("Stages 1 Ah to 60 Ah")
    String tab_stages();

    @Message("Cycler files")
    String tab_uploads();
}
