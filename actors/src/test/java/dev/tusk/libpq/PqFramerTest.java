package dev.tusk.libpq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.Test;

class PqFramerTest {
    private static byte[] startup(int code, byte[] rest) {
        return ByteBuffer.allocate(8 + rest.length).putInt(8 + rest.length).putInt(code).put(rest).array();
    }

    private static byte[] typed(char type, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) type).putInt(4 + body.length).put(body).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Feeds the stream one byte at a time: frames must not depend on how TCP cut it. */
    private static List<PqFrame> byteByByte(byte[] stream) {
        PqFramer framer = new PqFramer();
        List<PqFrame> out = new ArrayList<>();
        for (byte b : stream) {
            out.addAll(framer.feed(ByteString.fromArray(new byte[] {b})));
        }
        return out;
    }

    @Test
    void sslRequestThenStartupThenTypedMessagesInAnyChunking() {
        byte[] params = "user\0alice\0\0".getBytes();
        byte[] stream = concat(startup(80877103, new byte[0]), startup(196608, params),
                typed('Q', "select 1\0".getBytes()), typed('S', new byte[0]), typed('X', new byte[0]));
        List<PqFrame> frames = byteByByte(stream);
        List<PqFrame> whole = new PqFramer().feed(ByteString.fromArray(stream));
        assertEquals(5, frames.size());
        assertEquals(5, whole.size());
        assertEquals(80877103, ByteBuffer.wrap(assertInstanceOf(PqFrame.StartupPacket.class, frames.get(0)).body())
                .getInt());
        assertInstanceOf(PqFrame.StartupPacket.class, frames.get(1));
        PqFrame.Message q = assertInstanceOf(PqFrame.Message.class, frames.get(2));
        assertEquals('Q', q.typeChar());
        assertArrayEquals("select 1\0".getBytes(), q.body());
        assertEquals('X', ((PqFrame.Message) whole.get(4)).typeChar());
    }

    @Test
    void cancelRequestEndsTheStream() {
        byte[] cancel = startup(80877102, new byte[8]);
        List<PqFrame> frames = new PqFramer().feed(ByteString.fromArray(concat(cancel, typed('Q', "x\0".getBytes()))));
        assertEquals(1, frames.size());
    }

    @Test
    void badLengthsAndTypesAreMalformed() {
        PqFrame tooLong = new PqFramer().feed(ByteString.fromArray(new byte[] {0, 0, 0x27, 0x11})).get(0);
        assertEquals("invalid length of startup packet",
                assertInstanceOf(PqFrame.Malformed.class, tooLong).error().getMessage());
        PqFramer framer = new PqFramer();
        framer.feed(ByteString.fromArray(startup(196608, "user\0a\0\0".getBytes())));
        // The type byte alone is enough to reject an unknown message.
        PqFrame unknown = framer.feed(ByteString.fromArray(new byte[] {'?'})).get(0);
        assertEquals("invalid frontend message type 63",
                assertInstanceOf(PqFrame.Malformed.class, unknown).error().getMessage());
        assertTrue(framer.feed(ByteString.fromArray(typed('S', new byte[0]))).isEmpty(), "nothing after an error");

        PqFramer small = new PqFramer();
        small.feed(ByteString.fromArray(startup(196608, "user\0a\0\0".getBytes())));
        PqFrame bigSync = small.feed(ByteString.fromArray(new byte[] {'S', 0, 0, 0x27, 0x15})).get(0);
        assertEquals("invalid message length", assertInstanceOf(PqFrame.Malformed.class, bigSync).error().getMessage());
    }

    @Test
    void anAbsurdButLegalLengthWaitsForItsBodyWithoutAllocatingIt() {
        PqFramer framer = new PqFramer();
        framer.feed(ByteString.fromArray(startup(196608, "user\0a\0\0".getBytes())));
        assertTrue(framer.feed(ByteString.fromArray(new byte[] {'Q', 0x3F, (byte) 0xFF, (byte) 0xFF, 0, 'a'}))
                .isEmpty());
        assertTrue(framer.feed(ByteString.fromArray(new byte[1000])).isEmpty());
    }

    @Test
    void beforeAuthenticationEveryMessageIsCappedAtTheAuthTokenLimit() {
        boolean[] ready = {false};
        PqFramer framer = new PqFramer(() -> ready[0]);
        byte[] params = "user\0alice\0\0".getBytes();
        assertEquals(1, framer.feed(ByteString.fromArray(startup(196608, params))).size());
        // A password message of the largest allowed size still passes...
        byte[] big = new byte[PqFramer.AUTH_MESSAGE_LIMIT];
        assertInstanceOf(PqFrame.Message.class, framer.feed(ByteString.fromArray(typed('p', big))).getFirst());
        // ...but a Query header declaring more is refused before its body arrives.
        byte[] header = ByteBuffer.allocate(5).put((byte) 'Q').putInt(PqFramer.AUTH_MESSAGE_LIMIT + 5).array();
        PqFrame.Malformed m = assertInstanceOf(PqFrame.Malformed.class,
                framer.feed(ByteString.fromArray(header)).getFirst());
        assertEquals("invalid message length", m.error().getMessage());

        PqFramer loggedIn = new PqFramer(() -> ready[0]);
        loggedIn.feed(ByteString.fromArray(startup(196608, params)));
        ready[0] = true;
        byte[] query = new byte[PqFramer.AUTH_MESSAGE_LIMIT * 2];
        assertInstanceOf(PqFrame.Message.class, loggedIn.feed(ByteString.fromArray(typed('Q', query))).getFirst());
    }
}
