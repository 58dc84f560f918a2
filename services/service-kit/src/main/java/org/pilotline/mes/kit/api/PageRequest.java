package org.pilotline.mes.kit.api;

import java.util.List;

/** The page a client asked for (?page=&size=), clamped to sane values. */
public record PageRequest(int page, int size) {

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : Math.max(0, page), Page.size(size));
    }

    public int offset() {
        return page * size;
    }

    public <T> Page<T> result(List<T> items, long total) {
        return new Page<>(items, page, size, total);
    }
}
