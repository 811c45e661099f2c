package dev.tusk.utils.adt;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.ImplTable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * bytea's string functions (varlena.c: bytea_substr, byteatrim, byteaoverlay, get/set_bit/byte, sha*,
 * bit_count, LIKE on bytea) and unistr (Unicode escapes in text).
 */
final class ByteaFunctions {
    private ByteaFunctions() {
    }

    static void register(ImplTable t) {
        t.fn("bytea_substr", (c, ty, a) -> substr(b(a[0]), (Integer) a[1], (Integer) a[2]))
                .fn("bytea_substr_no_len", (c, ty, a) -> substr(b(a[0]), (Integer) a[1], Integer.MAX_VALUE))
                .fn2("byteatrim", (a, x) -> trim(b(a), b(x), true, true))
                .fn2("bytealtrim", (a, x) -> trim(b(a), b(x), true, false))
                .fn2("byteartrim", (a, x) -> trim(b(a), b(x), false, true))
                .fn("byteaoverlay", (c, ty, a) -> overlay(b(a[0]), b(a[1]), (Integer) a[2], (Integer) a[3]))
                .fn("byteaoverlay_no_len", (c, ty, a) -> overlay(b(a[0]), b(a[1]), (Integer) a[2],
                        b(a[1]).length))
                .fn2("byteaGetBit", (a, n) -> {
                    byte[] x = b(a);
                    long i = (Long) n;
                    checkBitIndex(x, i);
                    return (x[(int) (i / 8)] >> (int) (i % 8)) & 1;
                })
                .fn("byteaSetBit", (c, ty, a) -> {
                    byte[] x = b(a[0]).clone();
                    long i = (Long) a[1];
                    int v = (Integer) a[2];
                    checkBitIndex(x, i);
                    if (v != 0 && v != 1) {
                        throw AdtErrors.invalidParameter("new bit must be 0 or 1");
                    }
                    int byteNo = (int) (i / 8);
                    int mask = 1 << (int) (i % 8);
                    x[byteNo] = (byte) (v == 1 ? x[byteNo] | mask : x[byteNo] & ~mask);
                    return x;
                })
                .fn("byteaSetByte", (c, ty, a) -> {
                    byte[] x = b(a[0]).clone();
                    int i = (Integer) a[1];
                    if (i < 0 || i >= x.length) {
                        throw new TuskException(SqlState.ARRAY_SUBSCRIPT_ERROR,
                                "index " + i + " out of valid range, 0.." + (x.length - 1));
                    }
                    x[i] = (byte) (int) (Integer) a[2];
                    return x;
                })
                .fn1("sha224_bytea", a -> StringFunctions.digest("SHA-224", b(a)))
                .fn1("sha384_bytea", a -> StringFunctions.digest("SHA-384", b(a)))
                .fn1("sha512_bytea", a -> StringFunctions.digest("SHA-512", b(a)))
                .fn1("bytea_bit_count", a -> {
                    long n = 0;
                    for (byte v : b(a)) {
                        n += Integer.bitCount(v & 0xff);
                    }
                    return n;
                })
                .fn2("bytealike", (a, p) -> PatternFunctions.like(latin1(b(a)), latin1(b(p)), false))
                .fn2("byteanlike", (a, p) -> !PatternFunctions.like(latin1(b(a)), latin1(b(p)), false))
                .fn2("like_escape_bytea", (p, e) -> PatternFunctions.likeEscape(latin1(b(p)), latin1(b(e)))
                        .getBytes(StandardCharsets.ISO_8859_1))
                .fn1("unistr", a -> unistr((String) a));
    }

    private static byte[] b(Object o) {
        return (byte[]) o;
    }

    /** Bytes as one char each, so the text LIKE machinery matches byte by byte. */
    private static String latin1(byte[] x) {
        return new String(x, StandardCharsets.ISO_8859_1);
    }

    private static void checkBitIndex(byte[] x, long i) {
        if (i < 0 || i >= (long) x.length * 8) {
            throw new TuskException(SqlState.ARRAY_SUBSCRIPT_ERROR,
                    "index " + i + " out of valid range, 0.." + ((long) x.length * 8 - 1));
        }
    }

    /** bytea_substring: 1-based start, a negative length is an error, out-of-range parts are dropped. */
    static byte[] substr(byte[] x, int start, int count) {
        if (count < 0) {
            throw new TuskException(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        long from = Math.max((long) start - 1, 0);
        long to = Math.min((long) start - 1 + count, x.length);
        if (to <= from || from >= x.length) {
            return new byte[0];
        }
        return Arrays.copyOfRange(x, (int) from, (int) to);
    }

    static byte[] trim(byte[] x, byte[] set, boolean left, boolean right) {
        int from = 0;
        int to = x.length;
        if (left) {
            while (from < to && contains(set, x[from])) {
                from++;
            }
        }
        if (right) {
            while (to > from && contains(set, x[to - 1])) {
                to--;
            }
        }
        return Arrays.copyOfRange(x, from, to);
    }

    private static boolean contains(byte[] set, byte v) {
        for (byte s : set) {
            if (s == v) {
                return true;
            }
        }
        return false;
    }

    static byte[] overlay(byte[] x, byte[] repl, int start, int count) {
        if (start <= 0) {
            throw new TuskException(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        byte[] head = substr(x, 1, start - 1);
        byte[] tail = substr(x, (int) Math.min((long) start + count, Integer.MAX_VALUE), Integer.MAX_VALUE);
        byte[] r = Arrays.copyOf(head, head.length + repl.length + tail.length);
        System.arraycopy(repl, 0, r, head.length, repl.length);
        System.arraycopy(tail, 0, r, head.length + repl.length, tail.length);
        return r;
    }

    // ---- unistr ------------------------------------------------------------------------------------------

    private static TuskException badPair() {
        return new TuskException(SqlState.SYNTAX_ERROR, "invalid Unicode surrogate pair");
    }

    private static boolean hex(String s, int from, int n) {
        if (from + n > s.length()) {
            return false;
        }
        for (int i = from; i < from + n; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** unistr: backslash escapes (double backslash, XXXX, +XXXXXX, uXXXX, UXXXXXXXX); UTF-16 surrogate pairs combined. */
    static String unistr(String in) {
        StringBuilder out = new StringBuilder();
        int pairFirst = 0;
        int i = 0;
        while (i < in.length()) {
            char ch = in.charAt(i);
            if (ch != '\\') {
                if (pairFirst != 0) {
                    throw badPair();
                }
                out.append(ch);
                i++;
                continue;
            }
            if (i + 1 < in.length() && in.charAt(i + 1) == '\\') {
                if (pairFirst != 0) {
                    throw badPair();
                }
                out.append('\\');
                i += 2;
                continue;
            }
            int offset;
            int digits;
            if (hex(in, i + 1, 4)) {
                offset = 1;
                digits = 4;
            } else if (i + 1 < in.length() && in.charAt(i + 1) == 'u' && hex(in, i + 2, 4)) {
                offset = 2;
                digits = 4;
            } else if (i + 1 < in.length() && in.charAt(i + 1) == '+' && hex(in, i + 2, 6)) {
                offset = 2;
                digits = 6;
            } else if (i + 1 < in.length() && in.charAt(i + 1) == 'U' && hex(in, i + 2, 8)) {
                offset = 2;
                digits = 8;
            } else {
                throw new TuskException(SqlState.SYNTAX_ERROR, "invalid Unicode escape")
                        .withHint("Unicode escapes must be \\XXXX, \\+XXXXXX, \\uXXXX, or \\UXXXXXXXX.");
            }
            long cp = Long.parseLong(in.substring(i + offset, i + offset + digits), 16);
            if (cp <= 0 || cp > 0x10FFFF) {
                throw new TuskException(SqlState.SYNTAX_ERROR,
                        "invalid Unicode code point: " + String.format("%04X", cp));
            }
            boolean second = cp >= 0xDC00 && cp <= 0xDFFF;
            if (pairFirst != 0) {
                if (!second) {
                    throw badPair();
                }
                cp = 0x10000 + ((pairFirst - 0xD800L) << 10) + (cp - 0xDC00);
                pairFirst = 0;
            } else if (second) {
                throw badPair();
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                pairFirst = (int) cp;
            } else {
                out.appendCodePoint((int) cp);
            }
            i += offset + digits;
        }
        if (pairFirst != 0) {
            throw badPair();
        }
        return out.toString();
    }
}
