package org.pilotline.mes.equipment.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.pilotline.mes.equipment.persistence.EquipmentRepository;
import org.pilotline.mes.equipment.persistence.ProcessDataStore;
import org.pilotline.mes.equipment.persistence.ProcessDataStore.Bucket;
import org.pilotline.mes.equipment.persistence.ProcessDataStore.CurrentValue;
import org.pilotline.mes.equipment.persistence.ProcessDataStore.Point;
import org.pilotline.mes.kit.problem.ProblemException;
import org.pilotline.mes.kit.security.Roles;

@Path("/equipment/{id}/data")
@Tag(name = "Process data", description = "Values equipment publishes: latest, and by time range")
@RolesAllowed({ Roles.OPERATOR, Roles.SUPERVISOR, Roles.QUALITY, Roles.AUDITOR, Roles.ADMIN })
public class EquipmentDataResource {

    private static final int DEFAULT_MAX_POINTS = 2000;
    private static final int MAX_POINTS = 20000;

    private final ProcessDataStore data;
    private final EquipmentRepository equipment;

    EquipmentDataResource(ProcessDataStore data, EquipmentRepository equipment) {
        this.data = data;
        this.equipment = equipment;
    }

    /** Raw points when the range holds at most maxPoints, else one bucket per bucketSeconds. */
    public record Series(String equipment, String tag, Instant from, Instant to, Long bucketSeconds,
            List<Point> points, List<Bucket> buckets) {
    }

    @GET
    @Path("latest")
    @Operation(summary = "The latest value of each tag; stale when the device has since gone offline")
    public List<CurrentValue> current(@PathParam("id") String id) {
        requireEquipment(id);
        return data.current(id);
    }

    @GET
    @Operation(summary = "One tag over a time range, raw or downsampled",
            description = "from/to: ISO-8601 (default: the last hour). Raw samples when the range holds at most "
                    + "maxPoints (default 2000), otherwise time buckets with count, min, max, average and last value; "
                    + "bucket (ISO-8601 duration, e.g. PT1M) asks for buckets of that size.")
    public Series series(@PathParam("id") String id, @QueryParam("tag") String tag, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("bucket") String bucket,
            @QueryParam("maxPoints") Integer maxPoints) {
        requireEquipment(id);
        if (tag == null || tag.isBlank()) {
            throw ProblemException.badRequest("tag-required", "name the tag: ?tag=...");
        }
        TimeRange range = TimeRange.parse(from, to, Duration.ofHours(1));
        int limit = maxPoints == null ? DEFAULT_MAX_POINTS : maxPoints;
        if (limit < 1 || limit > MAX_POINTS) {
            throw ProblemException.badRequest("bad-max-points", "maxPoints is 1 to " + MAX_POINTS);
        }
        Duration size = bucket == null ? null : bucket(bucket);
        if (size == null && data.count(id, tag, range.from(), range.to()) > limit) {
            long seconds = Duration.between(range.from(), range.to()).toSeconds();
            size = Duration.ofSeconds(Math.max(1, (seconds + limit - 1) / limit));
        }
        if (size == null) {
            return new Series(id, tag, range.from(), range.to(), null,
                    data.series(id, tag, range.from(), range.to(), limit), null);
        }
        if (Duration.between(range.from(), range.to()).dividedBy(size) > MAX_POINTS) {
            throw ProblemException.badRequest("bucket-too-small", "at most " + MAX_POINTS + " buckets per request");
        }
        return new Series(id, tag, range.from(), range.to(), size.toSeconds(), null,
                data.downsampled(id, tag, range.from(), range.to(), size));
    }

    private static Duration bucket(String value) {
        try {
            Duration d = Duration.parse(value);
            if (d.toSeconds() < 1) {
                throw ProblemException.badRequest("bad-bucket", "a bucket is at least one second");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("bad-bucket", "bucket '" + value
                    + "' is not an ISO-8601 duration such as PT1M or PT1H");
        }
    }

    private void requireEquipment(String id) {
        if (equipment.findByIdOptional(id).isEmpty()) {
            throw ProblemException.notFound("Equipment", id);
        }
    }
}
