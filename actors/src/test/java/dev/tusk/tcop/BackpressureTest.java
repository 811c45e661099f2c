package dev.tusk.tcop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 10-million-row result streams in bounded memory: while the client reads nothing the session stops producing
 * rows after a bounded window (socket buffers plus the backend's small queue), and resumes as the client reads.
 */
class BackpressureTest {
    private static final long ROWS = 10_000_000L;
    @RegisterExtension
    static final ScriptedServerFixture FIXTURE = ScriptedServerFixture.aliceTrusted(5);

    @Test
    void tenMillionRowsToASlowClient() throws Exception {
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(16 * 1024);
            socket.connect(new InetSocketAddress("127.0.0.1", FIXTURE.server().port));
            socket.setSoTimeout(60_000);
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16));
            socket.getOutputStream().write(RawClient.startupPacket("user", "alice", "database", "postgres"));
            skipUntil(in, 'Z');
            long before = FIXTURE.engine().rowsProduced.get();
            socket.getOutputStream().write(RawClient.message('Q', RawClient.cstring("generate " + ROWS)));

            // The client is not reading: production must stall well short of the result.
            Thread.sleep(1000);
            long stalled = FIXTURE.engine().rowsProduced.get() - before;
            Thread.sleep(500);
            long stillStalled = FIXTURE.engine().rowsProduced.get() - before;
            assertEquals(stalled, stillStalled, "production must stop while the client does not read");
            assertTrue(stalled > 0 && stalled < 1_000_000, "rows produced ahead of the client: " + stalled);

            // A slow reader: the lead of the producer over the consumer stays bounded.
            long consumed = 0;
            byte[] body = new byte[64];
            long maxLead = 0;
            while (true) {
                int type = in.readUnsignedByte();
                int length = in.readInt() - 4;
                if (body.length < length) {
                    body = new byte[length];
                }
                in.readFully(body, 0, length);
                if (type == 'D') {
                    consumed++;
                    if (consumed % 500_000 == 0) {
                        maxLead = Math.max(maxLead, FIXTURE.engine().rowsProduced.get() - before - consumed);
                        if (consumed <= 1_000_000) {
                            Thread.sleep(50);
                        }
                    }
                } else if (type == 'C') {
                    assertEquals("SELECT " + ROWS, new String(body, 0, length - 1, StandardCharsets.US_ASCII));
                } else if (type == 'Z') {
                    break;
                } else if (type != 'T') {
                    throw new AssertionError("unexpected message " + (char) type);
                }
            }
            assertEquals(ROWS, consumed);
            System.out.println("backpressure: stalled after " + stalled + " rows, largest lead " + maxLead);
            assertTrue(maxLead < 1_000_000, "producer ran ahead by " + maxLead);
        }
    }

    @Test
    void aClientThatVanishesMidResultFreesItsSession() throws Exception {
        TestServer.eventually("earlier sessions closed", () -> FIXTURE.engine().openSessions() == 0);
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(16 * 1024);
            socket.connect(new InetSocketAddress("127.0.0.1", FIXTURE.server().port));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            socket.getOutputStream().write(RawClient.startupPacket("user", "alice", "database", "postgres"));
            skipUntil(in, 'Z');
            long before = FIXTURE.engine().rowsProduced.get();
            socket.getOutputStream().write(RawClient.message('Q', RawClient.cstring("generate " + ROWS)));
            TestServer.eventually("the result is stalled on the socket", () -> FIXTURE.engine().rowsProduced.get() > before);
            Thread.sleep(300);
            socket.setSoLinger(true, 0);
        }
        TestServer.eventually("session closed", () -> FIXTURE.engine().openSessions() == 0);
        TestServer.eventually("backend gone", () -> FIXTURE.server().backends() == 0);
        assertTrue(FIXTURE.engine().sessions.getLast().closed);
    }

    private static void skipUntil(DataInputStream in, char type) throws IOException {
        while (true) {
            int t = in.readUnsignedByte();
            in.skipNBytes(in.readInt() - 4);
            if (t == type) {
                return;
            }
        }
    }
}
