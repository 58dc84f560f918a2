package org.pilotline.mes.localplant;

/** MQTT topic patterns as an access rule reads them. */
final class TopicPattern {

    private TopicPattern() {
    }

    /**
     * Whether every topic the filter (or topic) can match is matched by the pattern: {@code mes/v1/+/+/+/PRESS-01/+}
     * covers {@code mes/v1/S/A/L/PRESS-01/state} but not {@code mes/v1/S/A/L/+/state}, which would reach other
     * machines' topics too.
     */
    static boolean covers(String pattern, String filter) {
        String[] p = pattern.split("/", -1);
        String[] f = filter.split("/", -1);
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals("#")) {
                return true;
            }
            if (i >= f.length) {
                return false;
            }
            if (f[i].equals("#")) {
                return false;
            }
            if (p[i].equals("+")) {
                continue;
            }
            if (f[i].equals("+") || !p[i].equals(f[i])) {
                return false;
            }
        }
        return p.length == f.length;
    }
}
