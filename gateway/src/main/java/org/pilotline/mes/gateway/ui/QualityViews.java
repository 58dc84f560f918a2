package org.pilotline.mes.gateway.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the quality service answers, as the quality screens show it. */
public final class QualityViews {

    /** The kinds of item a hold or a nonconformance is on, in the order the forms offer them. */
    static final List<String> ITEM_TYPES = List.of("LOT", "CELL", "MATERIAL_LOT", "EQUIPMENT");

    private QualityViews() {
    }

    /** The kind of item in the reader's words, for what is signed. */
    static String itemName(QualityMsg m, String itemType) {
        return switch (itemType) {
            case "LOT" -> m.item_LOT();
            case "CELL" -> m.item_CELL();
            case "MATERIAL_LOT" -> m.item_MATERIAL_LOT();
            default -> m.item_EQUIPMENT();
        };
    }

    /** Where the screens show an item: a lot at its lot page, a cell or a material lot at its trace. */
    static String link(String itemType, String itemId) {
        String id = ServiceClient.seg(itemId);
        return switch (itemType) {
            case "LOT" -> "/ui/lots/" + id;
            case "CELL" -> "/ui/trace/cells/" + id;
            case "MATERIAL_LOT" -> "/ui/trace/material-lots/" + id;
            default -> "/ui/line/" + id;
        };
    }

    /**
     * A hold on an item: {@code source} says who placed it (PERSON, RULE, EXPOSURE, EXCURSION); released only
     * by quality under signature.
     */
    public record Hold(long id, String itemType, String itemId, String reason, String source, String placedBy,
            Instant placedAt, boolean open, Instant releasedAt, String releasedBy, String releaseReason,
            String releaseSignature) {

        public String itemLink() {
            return link(itemType, itemId);
        }

        /** How long it has held (or held) the item, in minutes: what a quality engineer weighs first. */
        public long heldMinutes() {
            return Duration.between(placedAt, open ? Instant.now() : releasedAt).toMinutes();
        }
    }

    public record Item(String itemType, String itemId) {

        public String link() {
            return QualityViews.link(itemType, itemId);
        }
    }

    public record Ncr(long id, String number, String product, String defectCode, String description,
            List<Item> items, String rootCause, String status, String disposition, String source, String openedBy,
            Instant openedAt, String disposedBy, Instant disposedAt, String dispositionReason,
            String dispositionSignature) {

        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    /**
     * A form as typed and what became of it: the refusal to show, or the message key of what was done.
     *
     * @param key the form's idempotency key: the same for a submission sent again
     */
    public record Typed(Map<String, String> values, ServiceProblem refusal, String done, String key) {

        static Typed blank() {
            return new Typed(Map.of(), null, null, Panel.newKey());
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }
    }
}
