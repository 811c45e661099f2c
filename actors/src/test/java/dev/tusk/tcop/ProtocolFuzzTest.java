package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed input ends only the connection that sent it, with PostgreSQL's FATAL message where the framing allows
 * one; the server and other sessions carry on, and no backend or session is leaked.
 */
class ProtocolFuzzTest {
    @RegisterExtension
    static final ScriptedServerFixture FIXTURE = ScriptedServerFixture.aliceTrusted(50);

    /** Sends {@code bytes} after a normal startup and returns the FATAL error the server ends with. */
    private static Map<Character, String> fatalAfterStartup(byte[] bytes) throws IOException {
        try (RawClient raw = new RawClient(FIXTURE.server().port)) {
            raw.startup("alice", "postgres");
            raw.send(bytes);
            List<RawClient.Msg> got = raw.readToEnd();
            RawClient.Msg last = got.getLast();
            assertEquals('E', last.type());
            assertEquals("FATAL", last.fields().get('S'));
            return last.fields();
        }
    }

    private static Map<Character, String> fatalBeforeStartup(byte[] bytes) throws IOException {
        try (RawClient raw = new RawClient(FIXTURE.server().port)) {
            raw.send(bytes);
            List<RawClient.Msg> got = raw.readToEnd();
            assertEquals(1, got.size());
            assertEquals("FATAL", got.get(0).fields().get('S'));
            return got.get(0).fields();
        }
    }

    @Test
    void startupPacketErrors() throws IOException {
        assertEquals("invalid length of startup packet",
                fatalBeforeStartup(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}).get('M'));
        assertEquals("invalid length of startup packet", fatalBeforeStartup(new byte[] {0, 0, 0, 3}).get('M'));
        Map<Character, String> v2 = fatalBeforeStartup(new byte[] {0, 0, 0, 8, 0, 2, 0, 0});
        assertEquals("0A000", v2.get('C'));
        assertEquals("unsupported frontend protocol 2.0: server supports 3.0 to 3.0", v2.get('M'));
        assertEquals("invalid startup packet layout: expected terminator as last byte",
                fatalBeforeStartup(new byte[] {0, 0, 0, 12, 0, 3, 0, 0, 'u', 's', 'e', 'r'}).get('M'));
        assertEquals("no PostgreSQL user name specified in startup packet",
                fatalBeforeStartup(RawClient.startupPacket("database", "x")).get('M'));
    }

    @Test
    void messageFramingErrors() throws IOException {
        Map<Character, String> unknown = fatalAfterStartup(RawClient.message('z', new byte[0]));
        assertEquals("08P01", unknown.get('C'));
        assertEquals("invalid frontend message type 122", unknown.get('M'));
        assertEquals("invalid message length",
                fatalAfterStartup(new byte[] {'Q', 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}).get('M'));
        assertEquals("invalid message length", fatalAfterStartup(new byte[] {'S', 0, 0, 0, 2}).get('M'));
        assertEquals("invalid message length", fatalAfterStartup(new byte[] {'S', 0, 1, 0, 0}).get('M'));
    }

    /** A well-framed message with bad content is an ERROR, as in PostgreSQL: the session goes on. */
    @Test
    void badContentIsAnErrorAndTheSessionGoesOn() throws IOException {
        assertEquals("invalid string in message", errorThenAlive(RawClient.message('Q', new byte[] {'a', 'b'})));
        assertEquals("invalid message format", errorThenAlive(RawClient.message('S', new byte[] {1})));
        // A Bind whose parameter count promises more than the message holds.
        assertEquals("invalid message format", errorThenAlive(RawClient.concat(RawClient.message('B',
                RawClient.concat(RawClient.cstring(""), RawClient.cstring(""), new byte[] {0, 0, 0, 9, 0, 0, 0, 1})),
                RawClient.message('S', new byte[0]))));
        // A Bind with a parameter longer than the message.
        assertEquals("insufficient data left in message", errorThenAlive(RawClient.concat(RawClient.message('B',
                RawClient.concat(RawClient.cstring(""), RawClient.cstring(""), new byte[] {0, 0, 0, 1, 0, 0, 0, 100,
                        1, 2})), RawClient.message('S', new byte[0]))));
        assertEquals("portal \"\" does not exist", errorThenAlive(RawClient.concat(RawClient.message('E',
                RawClient.concat(RawClient.cstring(""), new byte[4])), RawClient.message('S', new byte[0]))));
        assertEquals("invalid DESCRIBE message subtype 88", errorThenAlive(RawClient.concat(RawClient.message('D',
                RawClient.concat(new byte[] {'X'}, RawClient.cstring(""))), RawClient.message('S', new byte[0]))));
        assertEquals("bind message supplies 0 parameters, but prepared statement \"\" requires 1",
                errorThenAlive(RawClient.concat(
                        RawClient.message('P', RawClient.concat(RawClient.cstring(""), RawClient.cstring("echo $1"),
                                new byte[] {0, 0})),
                        RawClient.message('B', RawClient.concat(RawClient.cstring(""), RawClient.cstring(""),
                                new byte[] {0, 0, 0, 0, 0, 0})),
                        RawClient.message('S', new byte[0]))));
    }

    /** Sends {@code bytes}, expects one ErrorResponse (ERROR) before ReadyForQuery, then runs a query. */
    private static String errorThenAlive(byte[] bytes) throws IOException {
        try (RawClient raw = new RawClient(FIXTURE.server().port)) {
            raw.startup("alice", "postgres");
            raw.send(bytes);
            List<RawClient.Msg> reply = raw.readUntil('Z');
            List<RawClient.Msg> errors = reply.stream().filter(m -> m.type() == 'E').toList();
            assertEquals(1, errors.size(), reply.toString());
            assertEquals("ERROR", errors.get(0).fields().get('S'));
            raw.send('Q', RawClient.cstring("select 4"));
            assertEquals(List.of('T', 'D', 'C', 'Z'), raw.readUntil('Z').stream().map(RawClient.Msg::type).toList());
            return errors.get(0).fields().get('M');
        }
    }

    @Test
    void invalidUtf8IsAnErrorNotTheEndOfTheSession() throws IOException {
        try (RawClient raw = new RawClient(FIXTURE.server().port)) {
            raw.startup("alice", "postgres");
            raw.send('Q', new byte[] {'s', 'e', (byte) 0xC3, 0x28, 0});
            List<RawClient.Msg> reply = raw.readUntil('Z');
            assertEquals("22021", reply.get(0).fields().get('C'));
            assertEquals("invalid byte sequence for encoding \"UTF8\": 0xc3 0x28", reply.get(0).fields().get('M'));
            raw.send('Q', RawClient.cstring("select 1"));
            assertEquals('T', raw.readUntil('Z').get(0).type());
        }
    }

    @Test
    void randomBytesNeverHurtTheServer() throws Exception {
        Random random = new Random(20261129);
        for (int i = 0; i < 300; i++) {
            try (RawClient raw = new RawClient(FIXTURE.server().port)) {
                raw.socket.setSoTimeout(300);
                if (i % 3 == 1) {
                    raw.startup("alice", "postgres");
                }
                byte[] junk = new byte[random.nextInt(400)];
                random.nextBytes(junk);
                if (i % 3 == 2 && junk.length > 5) {
                    // A plausible typed message with a random (possibly huge) length.
                    junk[0] = (byte) "QPBDESHXdcfpF".charAt(random.nextInt(13));
                }
                raw.send(junk);
                if (i % 2 == 0) {
                    raw.socket.shutdownOutput();
                }
                raw.readToEnd();
            } catch (java.net.SocketTimeoutException waitingForMore) {
                // the server is waiting for the rest of a long message: the client just goes away
            }
        }
        try (RawClient raw = new RawClient(FIXTURE.server().port)) {
            raw.startup("alice", "postgres");
            // Truncated messages, then the client vanishes mid-message.
            raw.send(new byte[] {'Q', 0, 0, 0, 100, 's', 'e', 'l'});
        }
        try (Connection c = FIXTURE.server().connect("alice", null); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 31")) {
            assertTrue(rs.next());
            assertEquals(31, rs.getInt(1));
        }
        TestServer.eventually("every fuzzed backend ended", () -> FIXTURE.server().backends() == 0);
        TestServer.eventually("every session closed", () -> FIXTURE.engine().openSessions() == 0);
    }

    @Test
    void sslAndGssRequestsAreAnsweredN() throws IOException {
        try (RawClient raw = new RawClient(FIXTURE.server().port)) {
            raw.send(ByteBuffer.allocate(8).putInt(8).putInt(80877103).array());
            assertEquals('N', raw.readByte());
            raw.send(ByteBuffer.allocate(8).putInt(8).putInt(80877104).array());
            assertEquals('N', raw.readByte());
            List<RawClient.Msg> startup = raw.startup("alice", "postgres");
            assertEquals('Z', startup.getLast().type());
        }
    }
}
