package dev.tusk.libpq;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable output buffer of backend messages (PostgreSQL's {@code StringInfo} with {@code pq_beginmessage} /
 * {@code pq_endmessage}): a message is opened with its type byte and a placeholder length that
 * {@link #endMessage(int)} fills in.
 */
public final class PqBuffer {
    private byte[] data;
    private int size;

    public PqBuffer(int initialCapacity) {
        data = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Starts a message: writes the type and a length placeholder; returns the start for endMessage. */
    public int beginMessage(char type) {
        int start = size;
        byte1(type);
        int32(0);
        return start;
    }

    /** Fills in the length word of the message begun at {@code start}. */
    public void endMessage(int start) {
        int length = size - start - 1;
        data[start + 1] = (byte) (length >>> 24);
        data[start + 2] = (byte) (length >>> 16);
        data[start + 3] = (byte) (length >>> 8);
        data[start + 4] = (byte) length;
    }

    public PqBuffer byte1(int v) {
        ensure(1);
        data[size++] = (byte) v;
        return this;
    }

    public PqBuffer int16(int v) {
        ensure(2);
        data[size++] = (byte) (v >>> 8);
        data[size++] = (byte) v;
        return this;
    }

    public PqBuffer int32(int v) {
        ensure(4);
        data[size++] = (byte) (v >>> 24);
        data[size++] = (byte) (v >>> 16);
        data[size++] = (byte) (v >>> 8);
        data[size++] = (byte) v;
        return this;
    }

    public PqBuffer bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, data, size, b.length);
        size += b.length;
        return this;
    }

    /** A null-terminated UTF-8 string (pq_sendstring). */
    public PqBuffer string(String s) {
        bytes(s.getBytes(StandardCharsets.UTF_8));
        return byte1(0);
    }

    /** The content so far, and an empty buffer. */
    public byte[] take() {
        byte[] out = Arrays.copyOf(data, size);
        size = 0;
        if (data.length > 1 << 20) {
            data = new byte[8192];
        }
        return out;
    }

    private void ensure(int n) {
        if (size + n > data.length) {
            long wanted = Math.max((long) data.length * 2, (long) size + n);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("message too large");
            }
            data = Arrays.copyOf(data, (int) wanted);
        }
    }
}
