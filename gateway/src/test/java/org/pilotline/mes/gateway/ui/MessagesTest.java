package org.pilotline.mes.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;

/** The two languages stay complete: every English string has its Chinese, and the Chinese speaks Chinese. */
class MessagesTest {

    /**
     * Words that are the same in both languages on this plant's floor: units, the language switch, and the
     * quality engineer's abbreviations (a Chinese engineer writes Cpk and SPC too).
     */
    private static final Set<String> SAME_IN_BOTH = Set.of("English", "Ah", "SPC", "Cp", "Cpk", "Pp", "Ppk", "OEE",
            "NCR", "CSV", "MR", "Nelson", "PackML", "mV", "mm", "ppm", "MPa", "mOhm");
    private static final Pattern LATIN_WORD = Pattern.compile("(?<![{\\w])[A-Za-z]{2,}(?![\\w}])");

    /** Every message bundle of the UI, by its name (the templates' namespace and its Chinese file's prefix). */
    private static final Map<String, Class<?>> BUNDLES = Map.of("msg", Msg.class, "qm", QualityMsg.class,
            "qc", QualityChartsMsg.class, "au", AuditMsg.class, "mc", MachineMsg.class);

    private static Properties chinese(String bundle) throws IOException {
        Properties zh = new Properties();
        try (Reader r = new InputStreamReader(MessagesTest.class.getResourceAsStream("/messages/" + bundle
                + "_zh_CN.properties"), StandardCharsets.UTF_8)) {
            zh.load(r);
        }
        return zh;
    }

    private static Set<String> keys(Class<?> bundle) {
        return Arrays.stream(bundle.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Message.class))
                .map(java.lang.reflect.Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyStringHasItsChineseAndNoChineseStringIsLeftOver() throws IOException {
        for (var bundle : BUNDLES.entrySet()) {
            complete(bundle.getKey(), bundle.getValue());
        }
    }

    private static void complete(String name, Class<?> bundle) throws IOException {
        Set<String> english = keys(bundle);
        Set<String> zh = new TreeSet<>(chinese(name).stringPropertyNames());
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(zh);
        Set<String> extra = new TreeSet<>(zh);
        extra.removeAll(english);
        assertEquals(Set.of(), missing, name + ": English strings without Chinese");
        assertEquals(Set.of(), extra, name + ": Chinese strings no screen uses");
    }

    @Test
    void theChineseHasNoEnglishWordsAndKeepsEveryPlaceholder() throws IOException {
        for (var bundle : BUNDLES.entrySet()) {
            chineseOnly(bundle.getKey(), bundle.getValue());
        }
    }

    private static void chineseOnly(String name, Class<?> bundle) throws IOException {
        Properties zh = chinese(name);
        for (java.lang.reflect.Method m : bundle.getDeclaredMethods()) {
            Message en = m.getAnnotation(Message.class);
            if (en == null) {
                continue;
            }
            String text = zh.getProperty(m.getName());
            List<String> latin = LATIN_WORD.matcher(text).results().map(r -> r.group())
                    .filter(w -> !SAME_IN_BOTH.contains(w)).toList();
            assertEquals(List.of(), latin, m.getName() + " = " + text);
            for (java.lang.reflect.Parameter p : m.getParameters()) {
                assertTrue(text.contains("{" + p.getName() + "}"), m.getName() + " must show {" + p.getName() + "}");
            }
        }
    }
}
