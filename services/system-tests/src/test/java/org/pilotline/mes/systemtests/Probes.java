package org.pilotline.mes.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/** How the fault tests look at the running plant: a read of each service, HTTP calls that must not hang, SQL. */
final class Probes {

    /** A read of each service through the gateway that needs the service and its database. */
    static final Map<String, String> READS = Map.of(
            "work-orders", "/api/work-orders/work-orders",
            "equipment", "/api/equipment/equipment",
            "genealogy", "/api/genealogy/material-lots",
            "quality", "/api/quality/holds");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Probes() {
    }

    /** The answer, or a failure when none comes within 15 s: a hang is what the fault tests are about. */
    static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).GET();
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A connection to one of the plant's databases, as its superuser. */
    static Connection db(Plant plant, String database) throws SQLException {
        return DriverManager.getConnection(plant.postgres.jdbcUrl(database), "postgres", "");
    }

    /** The one number a query answers (a count, a maximum). */
    static long number(Plant plant, String database, String sql) {
        try (Connection c = db(plant, database); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
