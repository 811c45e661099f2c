package dev.tusk.utils.adt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * text, varchar(n), char(n) (bpchar), name, "char", unknown, cstring and other string-carried types
 * (varlena.c, varchar.c, name.c, char.c). Length limits follow PostgreSQL: typmod = n + 4; input to
 * varchar(n)/char(n) longer than n is an error unless the extra characters are spaces; char(n) pads with
 * spaces; name truncates to 63 bytes.
 */
final class TextTypes implements TypeHandler {
    static final TextTypes INSTANCE = new TextTypes();
    static final int NAMEDATALEN = 64;

    @Override
    public Object in(int typeOid, String text, int typmod, SessionFormats f) {
        return switch (typeOid) {
            case TypeOids.VARCHAR -> varchar(text, typmod, false);
            case TypeOids.BPCHAR -> bpchar(text, typmod, false);
            case TypeOids.NAME -> name(text);
            case TypeOids.CHAR -> text.isEmpty() ? "" : charIn(text);
            default -> text;
        };
    }

    /**
     * "char" input: the first byte (a char of value 0-255 stands for the byte); \ooo octal escapes as charin
     * does.
     */
    static String charIn(String text) {
        if (text.length() == 4 && text.charAt(0) == '\\' && text.chars().skip(1).allMatch(c -> c >= '0' && c <= '7')) {
            return String.valueOf((char) (Integer.parseInt(text.substring(1), 8) & 0xff));
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return String.valueOf((char) (b[0] & 0xff));
    }

    /** charout: bytes with the high bit set print as \ooo, the zero byte as the empty string. */
    static String charOut(String v) {
        if (v.isEmpty() || v.charAt(0) == 0) {
            return "";
        }
        char c = v.charAt(0);
        if (c >= 0x80) {
            return "\\" + Integer.toOctalString(0x200 | (c & 0xff)).substring(1);
        }
        return v.substring(0, 1);
    }

    static String name(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length < NAMEDATALEN) {
            return s;
        }
        // truncate at a character boundary below 64 bytes, as namein/truncate_identifier do
        int len = NAMEDATALEN - 1;
        while (len > 0 && (b[len] & 0xC0) == 0x80) {
            len--;
        }
        return new String(b, 0, len, StandardCharsets.UTF_8);
    }

    /** varchar(n) coercion: too long is 22001 unless only spaces overflow or the cast is explicit (truncates). */
    static String varchar(String s, int typmod, boolean explicit) {
        if (typmod < 4) {
            return s;
        }
        int max = typmod - 4;
        int len = s.codePointCount(0, s.length());
        if (len <= max) {
            return s;
        }
        int cut = s.offsetByCodePoints(0, max);
        if (!explicit) {
            for (int i = cut; i < s.length(); i++) {
                if (s.charAt(i) != ' ') {
                    throw AdtErrors.tooLong("character varying(" + max + ")");
                }
            }
        }
        return s.substring(0, cut);
    }

    /** char(n) coercion: pad to n with spaces; longer follows varchar's rule. */
    static String bpchar(String s, int typmod, boolean explicit) {
        if (typmod < 4) {
            return s;
        }
        int max = typmod - 4;
        int len = s.codePointCount(0, s.length());
        if (len > max) {
            int cut = s.offsetByCodePoints(0, max);
            if (!explicit) {
                for (int i = cut; i < s.length(); i++) {
                    if (s.charAt(i) != ' ') {
                        throw AdtErrors.tooLong("character(" + max + ")");
                    }
                }
            }
            return s.substring(0, cut);
        }
        return len == max ? s : s + " ".repeat(max - len);
    }

    /** bpchar semantics for comparison and length: trailing spaces do not count. */
    static String bpcharTrim(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    @Override
    public String out(int typeOid, Object value, SessionFormats f) {
        if (typeOid == TypeOids.CHAR) {
            return charOut(value.toString());
        }
        return value.toString();
    }

    @Override
    public Object recv(int typeOid, ByteBuffer buf, int typmod, SessionFormats f) {
        String s = new String(Bytes.rest(buf), StandardCharsets.UTF_8);
        return in(typeOid, s, typmod, f);
    }

    @Override
    public byte[] send(int typeOid, Object value, SessionFormats f) {
        return value.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int compare(int typeOid, Object a, Object b) {
        String x = a.toString();
        String y = b.toString();
        if (typeOid == TypeOids.BPCHAR) {
            x = bpcharTrim(x);
            y = bpcharTrim(y);
        }
        return compareUtf8(x, y);
    }

    /** Byte-wise UTF-8 order (the C collation): code point order, which UTF-16 compareTo is not. */
    static int compareUtf8(String x, String y) {
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            char a = x.charAt(i);
            char b = y.charAt(i);
            if (a != b) {
                boolean sa = Character.isSurrogate(a);
                boolean sb = Character.isSurrogate(b);
                if (sa != sb) {
                    return sa ? 1 : -1;
                }
                return Character.compare(a, b);
            }
        }
        return Integer.compare(x.length(), y.length());
    }
}
