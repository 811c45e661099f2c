package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.libpq.HbaFile;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PSQLException;

/**
 * pg_hba.conf methods through pgjdbc and psql. The secrets are what PostgreSQL 15 stored for
 * {@code CREATE ROLE ... PASSWORD 'pencil'} (scram-sha-256) and {@code PASSWORD 'secret'} (md5).
 */
class AuthenticationTest {
    static final String ALICE_SCRAM = "SCRAM-SHA-256$4096:QTNwyw/eE+UgkPFb/Q3yqw==$TVCwuYi+cgb6qyZlDB20MPuanU3M5DhGRpHxII5"
            + "c0zI=:B0OmuihgyJ4mfgspk7DgLBId6mx7BUf2/pVomU9h/e4=";
    static final String BOB_MD5 = "md521f3163f8f86fa10bdefbfbd502a8f06";

    private static final HbaFile HBA = HbaFile.parse("""
            # TYPE  DATABASE  USER    ADDRESS        METHOD
            host    all       trusty  127.0.0.1/32   trust
            host    closed    all     127.0.0.1/32   reject
            host    all       carol   127.0.0.1/32   md5
            host    pwdb      all     127.0.0.1 255.255.255.255  password
            host    md5db     all     samehost       md5
            host    postgres  all     127.0.0.0/8    scram-sha-256
            """);

    @RegisterExtension
    static final ScriptedServerFixture FIXTURE = new ScriptedServerFixture(
            () -> new ScriptedEngine().role("alice", ALICE_SCRAM).role("bob", BOB_MD5)
                    .role("trusty", null).role("nopass", null).role("carol", ALICE_SCRAM),
            TestServer.settings(HBA, 20));

    private Connection connect(String user, String password, String database) throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("sslmode", "disable");
        return java.sql.DriverManager.getConnection(FIXTURE.server().url(database), props);
    }

    private static void works(Connection c) throws SQLException {
        try (c; Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
            assertTrue(rs.next());
        }
    }

    private static PSQLException refused(String state, String message, org.junit.jupiter.api.function.Executable e) {
        PSQLException ex = assertThrows(PSQLException.class, e);
        assertEquals(state, ex.getSQLState(), ex.getMessage());
        assertEquals(message, ex.getServerErrorMessage().getMessage());
        assertEquals("FATAL", ex.getServerErrorMessage().getSeverity());
        return ex;
    }

    @Test
    void scramWithThePasswordPostgresStored() throws SQLException {
        works(connect("alice", "pencil", "postgres"));
        refused("28P01", "password authentication failed for user \"alice\"",
                () -> connect("alice", "crayon", "postgres"));
    }

    @Test
    void scramForARoleWithoutScramSecretOrUnknownRoleFailsTheSameWay() {
        refused("28P01", "password authentication failed for user \"bob\"", () -> connect("bob", "secret", "postgres"));
        refused("28P01", "password authentication failed for user \"ghost\"",
                () -> connect("ghost", "x", "postgres"));
        refused("28P01", "password authentication failed for user \"nopass\"",
                () -> connect("nopass", "x", "postgres"));
    }

    @Test
    void md5WithAnMd5SecretAndScramFallbackForAScramSecret() throws SQLException {
        works(connect("bob", "secret", "md5db"));
        refused("28P01", "password authentication failed for user \"bob\"", () -> connect("bob", "wrong", "md5db"));
        // md5 method, SCRAM secret: PostgreSQL runs SCRAM instead.
        works(connect("carol", "pencil", "postgres"));
        refused("28P01", "password authentication failed for user \"carol\"",
                () -> connect("carol", "wrong", "postgres"));
    }

    @Test
    void cleartextPasswordAgainstBothSecretKinds() throws SQLException {
        works(connect("alice", "pencil", "pwdb"));
        works(connect("bob", "secret", "pwdb"));
        refused("28P01", "password authentication failed for user \"bob\"", () -> connect("bob", "pencil", "pwdb"));
    }

    @Test
    void trustRejectAndNoEntry() throws SQLException {
        works(connect("trusty", null, "anything"));
        refused("28000", "pg_hba.conf rejects connection for host \"127.0.0.1\", user \"alice\", database \"closed\", "
                + "no encryption", () -> connect("alice", "pencil", "closed"));
        refused("28000", "no pg_hba.conf entry for host \"127.0.0.1\", user \"alice\", database \"other\", "
                + "no encryption", () -> connect("alice", "pencil", "other"));
    }

    @Test
    void anotherMessageDuringThePasswordExchangeIsFatal() throws Exception {
        try (RawClient raw = new RawClient(FIXTURE.server().port)) {
            raw.send(RawClient.startupPacket("user", "bob", "database", "pwdb"));
            RawClient.Msg request = raw.read();
            assertEquals('R', request.type());
            assertEquals(3, java.nio.ByteBuffer.wrap(request.body()).getInt(), "AuthenticationCleartextPassword");
            raw.send('Q', RawClient.cstring("select 1"));
            RawClient.Msg error = raw.readToEnd().getLast();
            assertEquals("expected password response, got message type 81", error.fields().get('M'));
            assertEquals("08P01", error.fields().get('C'));
        }
        try (RawClient raw = new RawClient(FIXTURE.server().port)) {
            raw.send(RawClient.startupPacket("user", "alice", "database", "postgres"));
            RawClient.Msg request = raw.read();
            assertEquals(10, java.nio.ByteBuffer.wrap(request.body()).getInt(), "AuthenticationSASL");
            assertEquals("SCRAM-SHA-256", new String(request.body(), 4, 13, StandardCharsets.US_ASCII));
            raw.send('p', RawClient.concat(RawClient.cstring("SCRAM-SHA-256-PLUS"), new byte[] {0, 0, 0, 0}));
            RawClient.Msg error = raw.readToEnd().getLast();
            assertEquals("client selected an invalid SASL authentication mechanism", error.fields().get('M'));
        }
    }

    @Test
    void psqlAuthenticatesWithScram() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/psql", "-X", "-w", "-h", "127.0.0.1", "-p",
                Integer.toString(FIXTURE.server().port), "-U", "alice", "-d", "postgres", "-c", "select 77")
                .redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", "pencil");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        assertTrue(output.contains("77"), output);
        pb.environment().put("PGPASSWORD", "nope");
        p = pb.start();
        output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor(), output);
        assertTrue(output.contains("password authentication failed for user \"alice\""), output);
    }
}
