package org.pilotline.mes.gateway.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/** Dates, times and numbers in the reader's language (the template's locale), in the plant's time zone. */
@TemplateExtension
public final class Formats {

    /** Namespace of the formatting functions in templates: {@code fmt:time(x)}, {@code fmt:date(x)}, {@code fmt:num(x)}. */
    static final String NAMESPACE = "fmt";

    private static final ZoneId PLANT = ZoneId.systemDefault();

    private Formats() {
    }

    @TemplateExtension(namespace = NAMESPACE)
    static String time(Instant instant, @TemplateAttribute("locale") Object locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).withLocale(of(locale))
                .withZone(PLANT).format(instant);
    }

    @TemplateExtension(namespace = NAMESPACE)
    static String date(LocalDate date, @TemplateAttribute("locale") Object locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(of(locale))
                .format(date);
    }

    @TemplateExtension(namespace = NAMESPACE)
    static String num(BigDecimal number, @TemplateAttribute("locale") Object locale) {
        if (number == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(of(locale));
        f.setMaximumFractionDigits(Math.max(0, number.stripTrailingZeros().scale()));
        return f.format(number);
    }

    @TemplateExtension(namespace = NAMESPACE)
    static String percent(Double number, @TemplateAttribute("locale") Object locale) {
        return number == null ? "" : num(BigDecimal.valueOf(number).setScale(1, java.math.RoundingMode.HALF_UP),
                locale);
    }

    /** A reading of an instrument: at most three significant decimals, as a dew point or a ppm is read. */
    @TemplateExtension(namespace = NAMESPACE)
    static String reading(Double value, @TemplateAttribute("locale") Object locale) {
        return value == null ? "" : num(new BigDecimal(value).round(new java.math.MathContext(3)), locale);
    }

    /** Minutes as the plant reads them: "3 h 07 min", "12 min", "< 1 min", in the reader's language. */
    @TemplateExtension(namespace = NAMESPACE)
    static String minutes(Number minutes, @TemplateAttribute("locale") Object locale) {
        if (minutes == null || minutes.doubleValue() < 0) {
            return "";
        }
        Msg m = io.quarkus.qute.i18n.MessageBundles.get(Msg.class,
                io.quarkus.qute.i18n.Localized.Literal.of(of(locale).toLanguageTag()));
        long whole = Math.round(minutes.doubleValue());
        if (minutes.doubleValue() < 1) {
            return m.under_a_minute();
        }
        return whole < 60 ? whole + " " + m.unit_minutes()
                : "%d %s %02d %s".formatted(whole / 60, m.unit_hours(), whole % 60, m.unit_minutes());
    }

    /** A number as a form field wants it back: plain digits, a dot for decimals. */
    @TemplateExtension(namespace = NAMESPACE)
    static String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    /**
     * The message key of a code a service sent (a state, a reason code, a severity): {@code prefix} and the code
     * with dashes as underscores, e.g. {@code reason_critical_alarm}.
     */
    static String keyed(String code, String prefix) {
        return prefix + (code == null ? "" : code.replace('-', '_'));
    }

    /** The value as one segment of a link's path ({@code /ui/lots/{lot.seg}}): ids come from scans. */
    static String seg(String value) {
        return value == null ? "" : ServiceClient.seg(value);
    }

    /** {@code prefix} and the value: a form field's name ({@code p.PRESSURE}). */
    static String prefixed(String value, String prefix) {
        return prefix + value;
    }

    /** Whether a work-order move needs a reason (hold, suspend, abort, cancel). */
    static boolean needsReason(String action) {
        return SupervisorViews.needsReason(action);
    }

    private static Locale of(Object locale) {
        return locale instanceof Locale l ? l : locale instanceof String s ? Locale.forLanguageTag(s) : Locale.ENGLISH;
    }
}
