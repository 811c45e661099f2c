package dev.tusk.utils.adt;

import java.nio.ByteBuffer;

/** Big-endian buffers for the send/recv functions (network byte order, as pq_sendint*). */
final class Bytes {
    private Bytes() {
    }

    static byte[] i2(short v) {
        return ByteBuffer.allocate(2).putShort(v).array();
    }

    static byte[] i4(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    static byte[] i8(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    static byte[] rest(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    static void requireRemaining(ByteBuffer b, int n) {
        if (b.remaining() < n) {
            throw AdtErrors.badBinary("insufficient data left in message");
        }
    }

    static void requireEnd(ByteBuffer b) {
        if (b.hasRemaining()) {
            throw AdtErrors.badBinary("incorrect binary data format");
        }
    }
}
