package org.pilotline.mes.contracts.rest;

import java.util.List;

/**
 * quality's answer to "may the next operation start on this lot or cell?" (GET
 * /api/quality/lots/{lot}/clearance?after={operation}&amp;cell={serial}): clear only when the gate of the operation
 * before has passed and no hold is open on the lot or cell; otherwise every reason (codes: gate-failed,
 * gate-pending, on-hold).
 */
public record StartClearance(String lot, String cell, String after, boolean clear, List<Reason> reasons) {
}
