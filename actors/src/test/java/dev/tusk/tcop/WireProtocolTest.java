package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The v3 protocol end to end over real TCP, driven by pgjdbc, psql and a raw socket, on the scripted engine. */
class WireProtocolTest {
    @RegisterExtension
    static final ScriptedServerFixture FIXTURE = ScriptedServerFixture.aliceTrusted(20);

    @Test
    void pgjdbcConnectsAndQueries() throws SQLException {
        try (Connection c = FIXTURE.server().connect("alice", null); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 42, 7")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
                assertEquals(7, rs.getInt(2));
                assertFalse(rs.next());
            }
            assertEquals("15.0 (Tusk test)", c.getMetaData().getDatabaseProductVersion());
        }
    }

    @Test
    void concurrentSessionsDoNotCrossTalk() throws Exception {
        int clients = 12;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int id = c;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    try (Connection conn = FIXTURE.server().connect("alice", null, "prepareThreshold", "2");
                            PreparedStatement ps = conn.prepareStatement("echo ?")) {
                        for (int i = 0; i < 150; i++) {
                            ps.setInt(1, id * 100_000 + i);
                            try (ResultSet rs = ps.executeQuery()) {
                                assertTrue(rs.next());
                                assertEquals(id * 100_000 + i, rs.getInt(1));
                                ok++;
                            }
                        }
                    }
                    return ok;
                }));
            }
            for (var r : results) {
                assertEquals(150, r.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sslRequestIsDeclinedAndPreferFallsBackToCleartext() throws SQLException {
        try (Connection c = FIXTURE.server().connect("alice", null, "sslmode", "prefer"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1")) {
            assertTrue(rs.next());
        }
    }

    @Test
    void extendedProtocolWithBinaryParametersAndResults() throws SQLException {
        long binaryParams = FIXTURE.engine().binaryParams.get();
        long binaryResults = FIXTURE.engine().binaryResults.get();
        try (Connection c = FIXTURE.server().connect("alice", null, "prepareThreshold", "1", "binaryTransfer", "true")) {
            try (PreparedStatement ps = c.prepareStatement("echo ? ? ?")) {
                for (int i = 0; i < 4; i++) {
                    ps.setInt(1, 1000 + i);
                    ps.setLong(2, 1L << 40);
                    ps.setString(3, "héllo " + i);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(1000 + i, rs.getInt(1));
                        assertEquals(1L << 40, rs.getLong(2));
                        assertEquals("héllo " + i, rs.getString(3));
                    }
                }
                ps.setNull(1, java.sql.Types.INTEGER);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    rs.getInt(1);
                    assertTrue(rs.wasNull());
                }
            }
        }
        assertTrue(FIXTURE.engine().sessions.getLast().syncs >= 5, "every Sync reached the session");
        assertTrue(FIXTURE.engine().binaryParams.get() > binaryParams, "pgjdbc sent binary parameters");
        assertTrue(FIXTURE.engine().binaryResults.get() > binaryResults, "pgjdbc asked for binary results");
    }

    @Test
    void errorsCarrySqlStateAndPositionAndTheSessionGoesOn() throws SQLException {
        try (Connection c = FIXTURE.server().connect("alice", null); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("fail"));
            assertEquals("22012", e.getSQLState());
            var message = ((org.postgresql.util.PSQLException) e).getServerErrorMessage();
            assertEquals("division by zero", message.getMessage());
            assertEquals(8, message.getPosition());
            assertEquals("ERROR", message.getSeverity());
            SQLException syntax = assertThrows(SQLException.class, () -> s.execute("selekt 1"));
            assertEquals("42601", syntax.getSQLState());
            try (ResultSet rs = s.executeQuery("select 5")) {
                assertTrue(rs.next());
                assertEquals(5, rs.getInt(1));
            }
        }
    }

    @Test
    void fetchSizeInsideATransactionSuspendsThePortal() throws SQLException {
        long before = FIXTURE.engine().rowsProduced.get();
        try (Connection c = FIXTURE.server().connect("alice", null)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(100);
                long seen = 0;
                try (ResultSet rs = s.executeQuery("generate 1050")) {
                    while (rs.next()) {
                        seen++;
                        assertEquals(seen, rs.getLong(1));
                        if (seen == 150) {
                            // Two fetches of 100 so far: the engine ran only as far as asked.
                            assertEquals(200, FIXTURE.engine().rowsProduced.get() - before);
                        }
                    }
                }
                assertEquals(1050, seen);
            }
            c.commit();
        }
    }

    @Test
    void noticesAndParameterStatusReachTheClient() throws SQLException {
        try (Connection c = FIXTURE.server().connect("alice", null); Statement s = c.createStatement()) {
            s.execute("notice");
            SQLWarning w = s.getWarnings();
            assertNotNull(w);
            assertEquals("hello from notice", ((org.postgresql.util.PSQLWarning) w).getServerErrorMessage()
                    .getMessage());
            s.execute("set application_name 'renamed'");
            assertEquals("renamed", ((org.postgresql.PGConnection) c).getParameterStatus("application_name"));
        }
    }

    @Test
    void transactionStatusFollowsTheSession() throws Exception {
        try (RawClient raw = new RawClient(FIXTURE.server().port)) {
            List<RawClient.Msg> startup = raw.startup("alice", "postgres");
            Map<String, String> params = startup.stream().filter(m -> m.type() == 'S').collect(Collectors.toMap(
                    m -> m.string(), m -> new String(m.body(), m.string().length() + 1,
                            m.body().length - m.string().length() - 2, StandardCharsets.UTF_8)));
            assertEquals("UTF8", params.get("client_encoding"));
            assertTrue(startup.stream().anyMatch(m -> m.type() == 'K'));
            assertEquals('R', startup.get(0).type());
            raw.send('Q', RawClient.cstring("begin; fail; select 1"));
            List<RawClient.Msg> reply = raw.readUntil('Z');
            assertEquals(List.of('C', 'E', 'Z'), reply.stream().map(RawClient.Msg::type).toList());
            assertEquals('E', (char) reply.get(2).body()[0]);
            raw.send('Q', RawClient.cstring("rollback"));
            assertEquals('I', (char) raw.readUntil('Z').getLast().body()[0]);
            raw.send('Q', RawClient.cstring(""));
            assertEquals(List.of('I', 'Z'), raw.readUntil('Z').stream().map(RawClient.Msg::type).toList());
            raw.send('X', new byte[0]);
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void extendedProtocolSkipsToSyncAfterAnError() throws Exception {
        try (RawClient raw = new RawClient(FIXTURE.server().port)) {
            raw.startup("alice", "postgres");
            raw.send(RawClient.concat(
                    RawClient.message('P', RawClient.concat(RawClient.cstring("s1"), RawClient.cstring("select 9"),
                            new byte[] {0, 0})),
                    RawClient.message('P', RawClient.concat(RawClient.cstring("s1"), RawClient.cstring("select 9"),
                            new byte[] {0, 0})),
                    RawClient.message('B', RawClient.concat(RawClient.cstring(""), RawClient.cstring("s1"),
                            new byte[] {0, 0, 0, 0, 0, 0})),
                    RawClient.message('S', new byte[0]),
                    RawClient.message('B', RawClient.concat(RawClient.cstring("p1"), RawClient.cstring("s1"),
                            new byte[] {0, 0, 0, 0, 0, 1, 0, 1})),
                    RawClient.message('D', RawClient.concat(new byte[] {'P'}, RawClient.cstring("p1"))),
                    RawClient.message('E', RawClient.concat(RawClient.cstring("p1"), new byte[] {0, 0, 0, 0})),
                    RawClient.message('C', RawClient.concat(new byte[] {'S'}, RawClient.cstring("s1"))),
                    RawClient.message('S', new byte[0])));
            List<RawClient.Msg> first = raw.readUntil('Z');
            assertEquals(List.of('1', 'E', 'Z'), first.stream().map(RawClient.Msg::type).toList());
            assertEquals("prepared statement \"s1\" already exists", first.get(1).fields().get('M'));
            assertEquals("42P05", first.get(1).fields().get('C'));
            List<RawClient.Msg> second = raw.readUntil('Z');
            assertEquals(List.of('2', 'T', 'D', 'C', '3', 'Z'), second.stream().map(RawClient.Msg::type).toList());
            byte[] field = java.util.Arrays.copyOfRange(second.get(2).body(), 6, 10);
            assertArrayEquals(ByteBuffer.allocate(4).putInt(9).array(), field, "binary int4 result");
        }
    }

    @Test
    void copyInAndOutThroughPgjdbc() throws Exception {
        try (Connection c = FIXTURE.server().connect("alice", null)) {
            var copy = ((org.postgresql.PGConnection) c).getCopyAPI();
            long n = copy.copyIn("copy in", new java.io.StringReader("1\n2\n3\n"));
            assertEquals(3, n);
            assertTrue(FIXTURE.engine().copied.toString().contains("1\n2\n3\n"));
            var out = new java.io.StringWriter();
            assertEquals(4, copy.copyOut("copy out 4", out));
            assertEquals("1\n2\n3\n4\n", out.toString());
            SQLException bad = assertThrows(SQLException.class,
                    () -> copy.copyIn("copy in", new java.io.StringReader("1\nbad\n")));
            assertEquals("22P02", bad.getSQLState());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 3")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void copyInThenMoreStatementsInOneQuery() throws Exception {
        try (RawClient raw = new RawClient(FIXTURE.server().port)) {
            raw.startup("alice", "postgres");
            raw.send('Q', RawClient.cstring("copy in; select 11"));
            assertEquals('G', raw.read().type());
            raw.send('d', "7\n8\n".getBytes(StandardCharsets.UTF_8));
            raw.send('c', new byte[0]);
            List<RawClient.Msg> rest = raw.readUntil('Z');
            assertEquals(List.of('C', 'T', 'D', 'C', 'Z'), rest.stream().map(RawClient.Msg::type).toList());
            assertEquals("COPY 2", rest.get(0).string());
            raw.send('Q', RawClient.cstring("copy in"));
            assertEquals('G', raw.read().type());
            raw.send('f', RawClient.cstring("client gave up"));
            List<RawClient.Msg> failed = raw.readUntil('Z');
            assertEquals("COPY from stdin failed: client gave up", failed.get(0).fields().get('M'));
            assertEquals("57014", failed.get(0).fields().get('C'));
        }
    }

    @Test
    void psqlRunsACommand() throws Exception {
        Process p = new ProcessBuilder("/usr/bin/psql", "-X", "-h", "127.0.0.1", "-p", Integer.toString(FIXTURE.server().port),
                "-U", "alice", "-d", "postgres", "-c", "select 12345", "-c", "fail")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.waitFor(), output);
        assertTrue(output.contains("12345"), output);
        assertTrue(output.contains("(1 row)"), output);
        assertTrue(output.contains("ERROR:  division by zero"), output);
    }

    @Test
    void sessionsAreClosedWhenClientsLeave() throws Exception {
        TestServer.eventually("earlier sessions closed", () -> FIXTURE.engine().openSessions() == 0);
        long open = 0;
        try (RawClient raw = new RawClient(FIXTURE.server().port)) {
            raw.startup("alice", "postgres");
            raw.send('Q', RawClient.cstring("begin"));
            raw.readUntil('Z');
            TestServer.eventually("session open", () -> FIXTURE.engine().openSessions() == open + 1);
        }
        TestServer.eventually("session closed after disconnect", () -> FIXTURE.engine().openSessions() == open);
        assertTrue(FIXTURE.engine().sessions.getLast().rolledBackAtClose);
    }

    @Test
    void newerMinorVersionsAndProtocolOptionsAreNegotiatedDown() throws Exception {
        try (RawClient raw = new RawClient(FIXTURE.server().port)) {
            byte[] body = RawClient.concat(ByteBuffer.allocate(4).putInt(3 << 16 | 2).array(),
                    RawClient.cstring("user"), RawClient.cstring("alice"), RawClient.cstring("_pq_.extra"),
                    RawClient.cstring("1"), new byte[] {0});
            raw.send(RawClient.concat(ByteBuffer.allocate(4).putInt(4 + body.length).array(), body));
            List<RawClient.Msg> startup = raw.readUntil('Z');
            RawClient.Msg negotiate = startup.get(0);
            assertEquals('v', negotiate.type());
            ByteBuffer b = ByteBuffer.wrap(negotiate.body());
            assertEquals(3 << 16, b.getInt(), "newest version: 3.0");
            assertEquals(1, b.getInt());
            assertEquals("_pq_.extra", new String(negotiate.body(), 8, 10, StandardCharsets.UTF_8));
            assertEquals('R', startup.get(1).type());
        }
    }

    @Test
    void unknownDatabaseAndRoleAreFatal() throws Exception {
        try (RawClient raw = new RawClient(FIXTURE.server().port)) {
            raw.send(RawClient.startupPacket("user", "alice", "database", "nodb"));
            List<RawClient.Msg> got = raw.readToEnd();
            RawClient.Msg error = got.getLast();
            assertEquals('E', error.type());
            assertEquals("FATAL", error.fields().get('S'));
            assertEquals("3D000", error.fields().get('C'));
            assertEquals("database \"nodb\" does not exist", error.fields().get('M'));
        }
    }
}
