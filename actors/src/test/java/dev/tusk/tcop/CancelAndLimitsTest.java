package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.libpq.HbaFile;
import dev.tusk.postmaster.ListenSettings;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PSQLException;

/** CancelRequest, max_connections and authentication_timeout. */
class CancelAndLimitsTest {
    private static final int MAX_CONNECTIONS = 4;
    @RegisterExtension
    static final ScriptedServerFixture FIXTURE = new ScriptedServerFixture(
            () -> new ScriptedEngine().role("alice", null),
            new ListenSettings("127.0.0.1", 0, MAX_CONNECTIONS, HbaFile.trustAll(), Duration.ofSeconds(2)));

    @Test
    void statementCancelStopsASlowQuery() throws Exception {
        try (Connection c = FIXTURE.server().connect("alice", null); Statement s = c.createStatement()) {
            CompletableFuture<SQLException> running = CompletableFuture.supplyAsync(() -> {
                try {
                    s.executeQuery("sleep 30000");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            TestServer.eventually("query running", () -> FIXTURE.engine().sessions.getLast() != null);
            Thread.sleep(300);
            long start = System.nanoTime();
            s.cancel();
            SQLException e = running.get(20, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15));
            assertEquals("57014", e.getSQLState());
            assertEquals("canceling statement due to user request",
                    ((PSQLException) e).getServerErrorMessage().getMessage());
            try (ResultSet rs = s.executeQuery("select 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void aCancelWithTheWrongKeyIsIgnoredAndClosed() throws Exception {
        try (RawClient session = new RawClient(FIXTURE.server().port)) {
            List<RawClient.Msg> startup = session.startup("alice", "postgres");
            ByteBuffer key = ByteBuffer.wrap(startup.stream().filter(m -> m.type() == 'K').findFirst().orElseThrow()
                    .body());
            int pid = key.getInt();
            int secret = key.getInt();
            assertTrue(pid > 0);
            session.send('Q', RawClient.cstring("sleep 1500"));
            Thread.sleep(200);
            try (RawClient cancel = new RawClient(FIXTURE.server().port)) {
                cancel.send(ByteBuffer.allocate(16).putInt(16).putInt(80877102).putInt(pid).putInt(secret + 1)
                        .array());
                assertTrue(cancel.closedByServer());
            }
            List<RawClient.Msg> reply = session.readUntil('Z');
            assertEquals(List.of('T', 'D', 'C', 'Z'), reply.stream().map(RawClient.Msg::type).toList(),
                    "a wrong key must not cancel");
        }
    }

    @Test
    void maxConnectionsRefusesTheNextClient() throws Exception {
        TestServer.eventually("no leftover sessions", () -> FIXTURE.engine().openSessions() == 0);
        List<Connection> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                open.add(FIXTURE.server().connect("alice", null));
            }
            PSQLException e = assertThrows(PSQLException.class, () -> FIXTURE.server().connect("alice", null));
            assertEquals("53300", e.getSQLState());
            assertEquals("sorry, too many clients already", e.getServerErrorMessage().getMessage());
            assertEquals("FATAL", e.getServerErrorMessage().getSeverity());
            open.remove(0).close();
            TestServer.eventually("a slot is free again", () -> {
                try {
                    FIXTURE.server().connect("alice", null).close();
                    return true;
                } catch (SQLException again) {
                    return false;
                }
            });
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
    }

    @Test
    void aClientThatNeverSendsItsStartupPacketIsDropped() throws Exception {
        try (RawClient silent = new RawClient(FIXTURE.server().port)) {
            long start = System.nanoTime();
            assertTrue(silent.closedByServer());
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(1500));
        }
        try (RawClient halfway = new RawClient(FIXTURE.server().port)) {
            halfway.send(new byte[] {0, 0, 0, 40, 0, 3, 0, 0});
            assertTrue(halfway.closedByServer());
        }
    }
}
