package org.pilotline.mes.workorders;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.pilotline.mes.kit.audit.AuditTrail;
import org.pilotline.mes.kit.audit.AuditTrail.ChainVerification;
import org.pilotline.mes.testing.PlantTestResource;
import org.pilotline.mes.testing.TestTokens;
import org.postgresql.PGConnection;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Someone with the database superuser's rights, past the service's append-only guard, edits or deletes audit rows:
 * the auditor's verification names the first broken row. A backup of the service database restored elsewhere still
 * verifies. Every tamper is undone before the next, so the other tests' shared trail stays intact.
 */
@QuarkusTest
@QuarkusTestResource(PlantTestResource.class)
class AuditTamperTest {

    private static final String API = "/api/work-orders";

    private static String jdbcUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static Connection superuser() throws SQLException {
        Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "");
        try (Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica"); // ordinary triggers, the guard among them, are off
        }
        return c;
    }

    private static JsonPath verification() {
        return given().auth().oauth2(TestTokens.of("auditor1")).get(API + "/audit/verification").then()
                .statusCode(200).extract().jsonPath();
    }

    /** Three audited changes through the API; their rows' seq, oldest first. */
    private static List<Long> threeAuditedChanges(Connection c) throws SQLException {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = "TAMPER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            given().auth().oauth2(TestTokens.of("admin1")).contentType(ContentType.JSON)
                    .body("{\"code\":\"" + code + "\",\"name\":\"Tamper test cell\",\"stage\":\"SAMPLE\","
                            + "\"nominalCapacityAh\":1}")
                    .post(API + "/products").then().statusCode(201);
            codes.add(code);
        }
        List<Long> seqs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select seq from audit_log where entity_id = any(?) order by seq")) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
        }
        assertEquals(3, seqs.size(), "one audit row per product");
        return seqs;
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static String column(Connection c, String column, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + column + " from audit_log where seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long lastSeq(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select max(seq) from audit_log")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void editsAndDeletionsBreakTheChainAtTheFirstTamperedRow() throws Exception {
        try (Connection c = superuser()) {
            List<Long> rows = threeAuditedChanges(c);
            long middle = rows.get(1);
            assertTrue(verification().getBoolean("valid"), "an untouched trail verifies");

            // (a) a row's content edited
            String reason = column(c, "reason", middle);
            update(c, "update audit_log set reason = 'nothing to see here' where seq = ?", middle);
            JsonPath edited = verification();
            assertEquals(false, edited.getBoolean("valid"));
            assertEquals(middle, edited.getLong("brokenAtSeq"));
            assertTrue(edited.getString("detail").contains("content was changed"), edited.prettify());
            update(c, "update audit_log set reason = ? where seq = ?", reason, middle);
            assertTrue(verification().getBoolean("valid"), "undone, it verifies again");

            // (b) a row in the middle deleted: the row after it no longer links
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI()
                    .copyOut("copy (select * from audit_log where seq = " + middle + ") to stdout", saved);
            update(c, "delete from audit_log where seq = ?", middle);
            JsonPath deleted = verification();
            assertEquals(false, deleted.getBoolean("valid"));
            assertEquals((long) rows.get(2), deleted.getLong("brokenAtSeq"), "the row after the deleted one");
            assertTrue(deleted.getString("detail").contains("does not link"), deleted.prettify());
            ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI()
                    .copyIn("copy audit_log from stdin", new ByteArrayInputStream(saved.toByteArray()));
            assertTrue(verification().getBoolean("valid"), "put back, it verifies again");

            // (c) the newest row edited
            long last = lastSeq(c);
            String actor = column(c, "actor_name", last);
            update(c, "update audit_log set actor_name = 'someone else' where seq = ?", last);
            JsonPath newest = verification();
            assertEquals(false, newest.getBoolean("valid"));
            assertEquals(last, newest.getLong("brokenAtSeq"));
            update(c, "update audit_log set actor_name = ? where seq = ?", actor, last);
            assertTrue(verification().getBoolean("valid"));
        }
    }

    @Test
    void aBackupRestoredIntoAnotherDatabaseStillVerifies() throws Exception {
        String restored = "restored_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        long rows;
        try (Connection c = superuser()) {
            threeAuditedChanges(c);
            ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI()
                    .copyOut("copy audit_log to stdout", backup);
            rows = verification().getLong("rows");
            try (Statement s = c.createStatement()) {
                s.execute("create database " + restored);
            }
        }
        String kitSchema = new String(getClass().getClassLoader()
                .getResourceAsStream("db/kit/V20261123_01__service_kit.sql").readAllBytes(), StandardCharsets.UTF_8);
        String url = jdbcUrl().replaceAll("/[^/?]+(\\?.*)?$", "/" + restored);
        try (Connection r = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement s = r.createStatement()) {
                s.execute(kitSchema);
            }
            ((PGConnection) r.unwrap(PGConnection.class)).getCopyAPI()
                    .copyIn("copy audit_log from stdin", new ByteArrayInputStream(backup.toByteArray()));
            ChainVerification v = AuditTrail.verify(r);
            assertTrue(v.valid(), v.detail());
            assertTrue(v.rows() >= rows, "every row restored: " + v.rows() + " of at least " + rows);

            // and a row changed in the restored copy is caught there too
            try (Statement s = r.createStatement()) {
                s.execute("set session_replication_role = replica");
                s.execute("update audit_log set entity_id = 'X' where seq = (select min(seq) from audit_log)");
            }
            ChainVerification tampered = AuditTrail.verify(r);
            assertEquals(false, tampered.valid());
        }
    }
}
