package org.pilotline.mes.simulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The MES's REST API as the demo plant calls it, through the gateway, with the line's own token. An answer is
 * never an exception: a refusal (4xx problem+json), a service that cannot answer (5xx) or no connection at all
 * (status 0) are answers the caller waits on and tries again.
 */
interface Mes {

    /** @param path from the gateway's root, e.g. {@code /api/work-orders/dispatch} */
    Answer get(String path);

    /** @param body serialised as JSON (null: no body) */
    Answer post(String path, Object body);

    /** The user name the MES records for the line's calls (the service account's preferred_username). */
    String user();

    /** One answer: status 0 when the request got no answer at all. */
    record Answer(int status, JsonNode body, String error) {

        static final String PROBLEM = "urn:mes:problem:";

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The stable slug of a problem+json refusal (e.g. quality-gate-pending), or null. */
        String problem() {
            String type = body == null ? null : body.path("type").asText(null);
            return type != null && type.startsWith(PROBLEM) ? type.substring(PROBLEM.length()) : type;
        }

        /** What a person would read: the problem's detail, the transport error, or the status. */
        String detail() {
            if (body != null && body.hasNonNull("detail")) {
                return body.get("detail").asText();
            }
            return error != null ? error : "HTTP " + status;
        }

        /** "409 quality-gate-pending: ..." for a log line. */
        String describe() {
            String p = problem();
            return (status == 0 ? "no answer" : status + (p == null ? "" : " " + p)) + ": " + detail();
        }
    }
}
