package dev.tusk.utils.adt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** bytea (varlena.c byteain/byteaout): hex output {@code \x0102}, hex and escape input. */
final class ByteaType implements TypeHandler {
    static final ByteaType INSTANCE = new ByteaType();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public Object in(int typeOid, String text, int typmod, SessionFormats f) {
        return parse(text);
    }

    static byte[] parse(String text) {
        if (text.startsWith("\\x") || text.startsWith("\\X")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int i = 2;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                int hi = Character.digit(c, 16);
                if (hi < 0) {
                    throw AdtErrors.invalidParameter("invalid hexadecimal digit: \"" + c + "\"");
                }
                if (i + 1 >= text.length()) {
                    throw AdtErrors.invalidParameter("invalid hexadecimal data: odd number of digits");
                }
                char c2 = text.charAt(i + 1);
                int lo = Character.digit(c2, 16);
                if (lo < 0) {
                    throw AdtErrors.invalidParameter("invalid hexadecimal digit: \"" + c2 + "\"");
                }
                out.write(hi * 16 + lo);
                i += 2;
            }
            return out.toByteArray();
        }
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b != '\\') {
                out.write(b);
            } else if (i + 1 < raw.length && raw[i + 1] == '\\') {
                out.write('\\');
                i++;
            } else if (i + 3 < raw.length && isOct(raw[i + 1]) && raw[i + 1] <= '3' && isOct(raw[i + 2])
                    && isOct(raw[i + 3])) {
                out.write((raw[i + 1] - '0') * 64 + (raw[i + 2] - '0') * 8 + (raw[i + 3] - '0'));
                i += 3;
            } else {
                throw new dev.tusk.utils.error.TuskException(
                                dev.tusk.utils.error.SqlState.INVALID_TEXT_REPRESENTATION,
                                "invalid input syntax for type bytea");
            }
        }
        return out.toByteArray();
    }

    private static boolean isOct(byte b) {
        return b >= '0' && b <= '7';
    }

    @Override
    public String out(int typeOid, Object value, SessionFormats f) {
        byte[] b = (byte[]) value;
        if (f == null || f.byteaHex()) {
            return hex(b);
        }
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int v = x & 0xff;
            if (v == '\\') {
                sb.append("\\\\");
            } else if (v < 0x20 || v > 0x7e) {
                sb.append('\\').append((char) ('0' + (v >> 6))).append((char) ('0' + ((v >> 3) & 7)))
                        .append((char) ('0' + (v & 7)));
            } else {
                sb.append((char) v);
            }
        }
        return sb.toString();
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(2 + b.length * 2).append("\\x");
        for (byte x : b) {
            sb.append(HEX[(x >> 4) & 0xf]).append(HEX[x & 0xf]);
        }
        return sb.toString();
    }

    @Override
    public Object recv(int typeOid, ByteBuffer buf, int typmod, SessionFormats f) {
        return Bytes.rest(buf);
    }

    @Override
    public byte[] send(int typeOid, Object value, SessionFormats f) {
        return (byte[]) value;
    }

    @Override
    public int compare(int typeOid, Object a, Object b) {
        return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
    }
}
