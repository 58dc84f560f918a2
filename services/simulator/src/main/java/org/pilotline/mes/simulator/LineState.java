package org.pilotline.mes.simulator;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the machines of the line are doing, shared by the message loop (faults, process data) and the demo plant's
 * stations (which lot a machine works on): a faulted machine pauses its work, a working one reports its process
 * values for its lot. Thread-safe.
 */
final class LineState {

    private final Set<String> faulted = ConcurrentHashMap.newKeySet();
    private final Map<String, String> working = new ConcurrentHashMap<>();
    private final AtomicLong cells = new AtomicLong();

    void fault(String machine) {
        faulted.add(machine);
    }

    void recover(String machine) {
        faulted.remove(machine);
    }

    boolean faulted(String machine) {
        return faulted.contains(machine);
    }

    void working(String machine, String lot) {
        working.put(machine, lot);
    }

    void idle(String machine) {
        working.remove(machine);
    }

    /** The lot the machine works on, or null. */
    String lotAt(String machine) {
        return working.get(machine);
    }

    void cellsMade(int n) {
        cells.addAndGet(n);
    }

    long cells() {
        return cells.get();
    }
}
