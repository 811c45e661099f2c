package dev.tusk.libpq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one message body (PostgreSQL's {@code pqformat.c}: pq_getmsgint, pq_getmsgstring,
 * pq_getmsgbytes, pq_getmsgend). Every read checks the bounds; a short or inconsistent body throws the
 * FATAL protocol error PostgreSQL reports for it. Strings are UTF-8 (the only client encoding).
 */
public final class PqMessageReader {
    private final byte[] body;
    private int position;

    public PqMessageReader(byte[] body) {
        this.body = body;
    }

    public int remaining() {
        return body.length - position;
    }

    public int int8() {
        need(1);
        return body[position++] & 0xFF;
    }

    public short int16() {
        need(2);
        short v = (short) ((body[position] & 0xFF) << 8 | body[position + 1] & 0xFF);
        position += 2;
        return v;
    }

    public int int32() {
        need(4);
        int v = (body[position] & 0xFF) << 24 | (body[position + 1] & 0xFF) << 16
                | (body[position + 2] & 0xFF) << 8 | body[position + 3] & 0xFF;
        position += 4;
        return v;
    }

    public byte[] bytes(int n) {
        if (n < 0) {
            throw ProtocolErrors.insufficientData();
        }
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(body, position, out, 0, n);
        position += n;
        return out;
    }

    /** The rest of the body. */
    public byte[] rest() {
        return bytes(remaining());
    }

    /** A null-terminated string. */
    public String string() {
        int end = position;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        if (end >= body.length) {
            throw ProtocolErrors.invalidString();
        }
        String s = decode(body, position, end - position);
        position = end + 1;
        return s;
    }

    /** pq_getmsgend: the body must be fully consumed. */
    public void end() {
        if (position != body.length) {
            throw ProtocolErrors.invalidMessageFormat();
        }
    }

    private void need(int n) {
        if (body.length - position < n) {
            throw ProtocolErrors.insufficientData();
        }
    }

    /** Strict UTF-8 decoding: invalid input is 22021 like pg_verify_mbstr. */
    static String decode(byte[] bytes, int offset, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int bad = in.position();
            int count = e instanceof MalformedInputException m ? Math.max(1, m.getInputLength()) : 1;
            StringBuilder shown = new StringBuilder();
            for (int i = bad; i < Math.min(offset + length, bad + Math.max(count, 2)); i++) {
                if (!shown.isEmpty()) {
                    shown.append(' ');
                }
                shown.append(String.format("0x%02x", bytes[i] & 0xFF));
            }
            throw ProtocolErrors.invalidByteSequence(shown.toString());
        }
    }
}
