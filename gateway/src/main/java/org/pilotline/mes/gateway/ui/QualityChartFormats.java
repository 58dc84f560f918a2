package org.pilotline.mes.gateway.ui;

import io.quarkus.qute.TemplateExtension;

/** Small helpers of the quality chart templates. */
@TemplateExtension
public final class QualityChartFormats {

    private QualityChartFormats() {
    }

    /** A chart index as a person counts points: from 1. */
    static int plusOne(Integer index) {
        return index == null ? 0 : index + 1;
    }

    /** The message key of a Nelson rule's meaning in words: rule_1 ... rule_8. */
    static String ruleKey(Integer rule) {
        return "rule_" + rule;
    }
}
