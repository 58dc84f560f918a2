package org.pilotline.mes.contracts.rest;

import java.util.List;

/**
 * quality's answer to "may this lot be approved?" (GET /api/quality/lots/{lot}/disposition): ok only when every
 * gate passed and nothing is open against it; otherwise every reason it is not.
 */
public record LotDisposition(String lot, boolean ok, List<String> reasons) {
}
