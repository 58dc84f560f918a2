package org.pilotline.mes.contracts.equipment;

/** What a process-data sample belongs to. */
public record DataContext(String lot, String cell, String materialLot) {
}
