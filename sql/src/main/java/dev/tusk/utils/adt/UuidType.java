package dev.tusk.utils.adt;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.UUID;

/** uuid (uuid.c): 32 hex digits, optional hyphens between groups of four and braces; unsigned byte order. */
final class UuidType implements TypeHandler {
    static final UuidType INSTANCE = new UuidType();

    @Override
    public Object in(int typeOid, String text, int typmod, SessionFormats f) {
        String s = text.strip();
        if (s.startsWith("{") && s.endsWith("}")) {
            s = s.substring(1, s.length() - 1);
        }
        StringBuilder hex = new StringBuilder(32);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.digit(c, 16) >= 0 && c < 128) {
                hex.append(c);
            } else if (!(c == '-' && hex.length() % 4 == 0 && hex.length() > 0 && i + 1 < s.length()
                    && s.charAt(i - 1) != '-')) {
                throw AdtErrors.invalidSyntax("uuid", text);
            }
        }
        if (hex.length() != 32) {
            throw AdtErrors.invalidSyntax("uuid", text);
        }
        String h = hex.toString().toLowerCase(Locale.ROOT);
        return new UUID(Long.parseUnsignedLong(h.substring(0, 16), 16), Long.parseUnsignedLong(h.substring(16), 16));
    }

    @Override
    public String out(int typeOid, Object value, SessionFormats f) {
        return value.toString();
    }

    @Override
    public Object recv(int typeOid, ByteBuffer buf, int typmod, SessionFormats f) {
        Bytes.requireRemaining(buf, 16);
        return new UUID(buf.getLong(), buf.getLong());
    }

    @Override
    public byte[] send(int typeOid, Object value, SessionFormats f) {
        UUID u = (UUID) value;
        return ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    @Override
    public int compare(int typeOid, Object a, Object b) {
        UUID x = (UUID) a;
        UUID y = (UUID) b;
        int c = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
    }
}
