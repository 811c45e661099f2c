package dev.tusk.utils.adt;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionContext;
import dev.tusk.utils.fmgr.ImplTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * String functions (varlena.c, oracle_compat.c, varchar.c, name.c, char.c, bool.c text casts). Lengths and
 * positions count characters (code points), as PostgreSQL does in UTF-8.
 */
final class StringFunctions {
    private StringFunctions() {
    }

    static String s(Object o) {
        return (String) o;
    }

    static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Code-point substring [from, to) with clamping (0-based). */
    static String cpSub(String s, long from, long to) {
        int n = len(s);
        int f = (int) Math.max(0, Math.min(from, n));
        int t = (int) Math.max(f, Math.min(to, n));
        return s.substring(s.offsetByCodePoints(0, f), s.offsetByCodePoints(0, t));
    }

    static void register(ImplTable t) {
        t.fn1("textlen", a -> len(s(a))).fn1("bpcharlen", a -> len(TextTypes.bpcharTrim(s(a))))
                .fn1("textoctetlen", a -> s(a).getBytes(StandardCharsets.UTF_8).length)
                .fn1("bpcharoctetlen", a -> s(a).getBytes(StandardCharsets.UTF_8).length)
                .fn1("bit_length(25)", a -> 8 * s(a).getBytes(StandardCharsets.UTF_8).length)
                .fn1("lower", a -> asciiCase(s(a), false)).fn1("upper", a -> asciiCase(s(a), true))
                .fn1("initcap", a -> initcap(s(a)))
                .fn2("textcat", (a, b) -> s(a) + s(b))
                .fn("textanycat(25 2776)", (c, ty, a) -> s(a[0]) + TypeIo.textOut(ty[1], a[1], c.formats()))
                .fn("anytextcat(2776 25)", (c, ty, a) -> TypeIo.textOut(ty[0], a[0], c.formats()) + s(a[1]))
                .fn("text_substr", (c, ty, a) -> substr(s(a[0]), (Integer) a[1], (Integer) a[2]))
                .fn("text_substr_no_len", (c, ty, a) -> cpSub(s(a[0]), (long) (Integer) a[1] - 1, Long.MAX_VALUE))
                .fn2("textpos", (a, b) -> position(s(a), s(b)))
                .fn1("btrim1", a -> trim(s(a), " ", true, true)).fn2("btrim", (a, b) -> trim(s(a), s(b), true, true))
                .fn1("ltrim1", a -> trim(s(a), " ", true, false)).fn2("ltrim", (a, b) -> trim(s(a), s(b), true, false))
                .fn1("rtrim1", a -> trim(s(a), " ", false, true)).fn2("rtrim", (a, b) -> trim(s(a), s(b), false, true))
                .fn("replace_text", (c, ty, a) -> s(a[1]).isEmpty() ? a[0] : s(a[0]).replace(s(a[1]), s(a[2])))
                .fn("text_concat", (c, ty, a) -> concat(c, ty, a, 0, ""))
                .fn("text_concat_ws", (c, ty, a) -> a[0] == null ? null : concat(c, ty, a, 1, s(a[0])))
                .fn2("text_left", (a, b) -> left(s(a), (Integer) b))
                .fn2("text_right", (a, b) -> right(s(a), (Integer) b))
                .fn("lpad", (c, ty, a) -> pad(s(a[0]), (Integer) a[1], s(a[2]), true))
                .fn("rpad", (c, ty, a) -> pad(s(a[0]), (Integer) a[1], s(a[2]), false))
                .fn("lpad(25 23)", (c, ty, a) -> pad(s(a[0]), (Integer) a[1], " ", true))
                .fn("rpad(25 23)", (c, ty, a) -> pad(s(a[0]), (Integer) a[1], " ", false))
                .fn("split_part", (c, ty, a) -> splitPart(s(a[0]), s(a[1]), (Integer) a[2]))
                .fn1("md5_text", a -> md5(s(a).getBytes(StandardCharsets.UTF_8)))
                .fn1("md5_bytea", a -> md5((byte[]) a))
                .fn1("sha256_bytea", a -> digest("SHA-256", (byte[]) a))
                .fn2("repeat", (a, b) -> (Integer) b <= 0 ? "" : s(a).repeat((Integer) b))
                .fn1("text_reverse", a -> new StringBuilder(s(a)).reverse().toString())
                .fn1("to_hex32", a -> Integer.toHexString((Integer) a))
                .fn1("to_hex64", a -> Long.toHexString((Long) a))
                .fn1("chr", a -> chr((Integer) a))
                .fn1("ascii", a -> s(a).isEmpty() ? 0 : s(a).codePointAt(0))
                .fn2("text_starts_with", (a, b) -> s(a).startsWith(s(b)))
                .fn("translate", (c, ty, a) -> translate(s(a[0]), s(a[1]), s(a[2])))
                .fn1("quote_ident", a -> quoteIdent(s(a)))
                .fn1("quote_literal", a -> quoteLiteral(s(a)))
                .fn("quote_literal(2283)", (c, ty, a) -> quoteLiteral(TypeIo.textOut(ty[0], a[0], c.formats())))
                .fn("quote_nullable", (c, ty, a) -> a[0] == null ? "NULL" : quoteLiteral(s(a[0])))
                .fn("quote_nullable(2283)", (c, ty, a) -> a[0] == null ? "NULL"
                        : quoteLiteral(TypeIo.textOut(ty[0], a[0], c.formats())))
                .fn("text_format", StringFunctions::format)
                .fn("text_format_nv", StringFunctions::format)
                .fn("textoverlay", (c, ty, a) -> overlay(s(a[0]), s(a[1]), (Integer) a[2], (Integer) a[3]))
                .fn("textoverlay_no_len", (c, ty, a) -> overlay(s(a[0]), s(a[1]), (Integer) a[2], len(s(a[1]))))
                .fn2("text_larger", (a, b) -> TextTypes.compareUtf8(s(a), s(b)) >= 0 ? a : b)
                .fn2("text_smaller", (a, b) -> TextTypes.compareUtf8(s(a), s(b)) <= 0 ? a : b)
                .fn2("bpchar_larger", (a, b) -> Comparisons.compare(TypeOids.BPCHAR, a, b) >= 0 ? a : b)
                .fn2("bpchar_smaller", (a, b) -> Comparisons.compare(TypeOids.BPCHAR, a, b) <= 0 ? a : b)
                .fn("text_to_array", (c, ty, a) -> stringToArray(s(a[0]), (String) a[1], null))
                .fn("text_to_array_null", (c, ty, a) -> stringToArray(s(a[0]), (String) a[1], (String) a[2]));
        // casts among string types
        t.fn1("name_text", a -> a).fn1("text_name", a -> TextTypes.name(s(a)))
                .fn1("bpchar_name", a -> TextTypes.name(TextTypes.bpcharTrim(s(a))))
                .fn1("name_bpchar", a -> a).fn1("char_text", a -> TextTypes.charOut(s(a)))
                .fn1("char_bpchar", a -> TextTypes.charOut(s(a)))
                .fn1("text_char", a -> s(a).isEmpty() ? "" : TextTypes.charIn(s(a)))
                .fn1("chartoi4", a -> s(a).isEmpty() ? 0 : (int) (byte) s(a).charAt(0))
                .fn1("i4tochar", a -> {
                    int v = (Integer) a;
                    if (v < -128 || v > 127) {
                        throw AdtErrors.outOfRange("\"char\" out of range");
                    }
                    return v == 0 ? "" : String.valueOf((char) (v & 0xff));
                })
                .fn1("booltext", a -> (Boolean) a ? "true" : "false")
                .fn("bpchar", (c, ty, a) -> TextTypes.bpchar(s(a[0]), (Integer) a[1], (Boolean) a[2]))
                .fn("varchar", (c, ty, a) -> TextTypes.varchar(s(a[0]), (Integer) a[1], (Boolean) a[2]));
        // bytea
        t.fn2("byteacat", (a, b) -> {
            byte[] x = (byte[]) a;
            byte[] y = (byte[]) b;
            byte[] r = java.util.Arrays.copyOf(x, x.length + y.length);
            System.arraycopy(y, 0, r, x.length, y.length);
            return r;
        }).fn1("byteaoctetlen", a -> ((byte[]) a).length)
                .fn2("byteaGetByte", (a, b) -> {
                    byte[] x = (byte[]) a;
                    int i = (Integer) b;
                    if (i < 0 || i >= x.length) {
                        throw new TuskException(SqlState.ARRAY_SUBSCRIPT_ERROR,
                                "index " + i + " out of valid range, 0.." + (x.length - 1));
                    }
                    return x[i] & 0xff;
                })
                .fn2("binary_encode", (a, b) -> encode((byte[]) a, s(b)))
                .fn2("binary_decode", (a, b) -> decode(s(a), s(b)));
    }

    static String substr(String s, int start, int count) {
        if (count < 0) {
            throw new TuskException(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        long from = (long) start - 1;
        long to = from + count;
        return cpSub(s, from, to);
    }

    static int position(String s, String sub) {
        int i = s.indexOf(sub);
        return i < 0 ? 0 : s.codePointCount(0, i) + 1;
    }

    static String trim(String s, String chars, boolean leading, boolean trailing) {
        int st = 0;
        int en = s.length();
        if (leading) {
            while (st < en && chars.indexOf(s.codePointAt(st)) >= 0) {
                st += Character.charCount(s.codePointAt(st));
            }
        }
        if (trailing) {
            while (en > st && chars.indexOf(s.codePointBefore(en)) >= 0) {
                en -= Character.charCount(s.codePointBefore(en));
            }
        }
        return s.substring(st, en);
    }

    private static String concat(FunctionContext c, int[] ty, Object[] a, int from, String sep) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (int i = from; i < a.length; i++) {
            if (a[i] == null) {
                continue;
            }
            if (!first) {
                sb.append(sep);
            }
            first = false;
            sb.append(a[i] instanceof String str ? str : TypeIo.textOut(ty[i], a[i], c.formats()));
        }
        return sb.toString();
    }

    static String left(String s, int n) {
        int l = len(s);
        return n >= 0 ? cpSub(s, 0, n) : cpSub(s, 0, l + (long) n);
    }

    static String right(String s, int n) {
        int l = len(s);
        return n >= 0 ? cpSub(s, l - (long) n, l) : cpSub(s, -(long) n, l);
    }

    static String pad(String s, int n, String fill, boolean leftSide) {
        if (n <= 0) {
            return "";
        }
        int l = len(s);
        if (l >= n || fill.isEmpty()) {
            return cpSub(s, 0, n);
        }
        StringBuilder p = new StringBuilder();
        int need = n - l;
        int fl = len(fill);
        for (int i = 0; i < need; i++) {
            int k = i % fl;
            p.appendCodePoint(fill.codePointAt(fill.offsetByCodePoints(0, k)));
        }
        return leftSide ? p + s : s + p;
    }

    static String splitPart(String s, String delim, int n) {
        if (n == 0) {
            throw AdtErrors.invalidParameter("field position must not be zero");
        }
        if (delim.isEmpty()) {
            return n == 1 || n == -1 ? s : "";
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int i = s.indexOf(delim, from);
            if (i < 0) {
                parts.add(s.substring(from));
                break;
            }
            parts.add(s.substring(from, i));
            from = i + delim.length();
        }
        int idx = n > 0 ? n - 1 : parts.size() + n;
        return idx >= 0 && idx < parts.size() ? parts.get(idx) : "";
    }

    static String md5(byte[] b) {
        return HexFormat.of().formatHex(digest("MD5", b));
    }

    static byte[] digest(String alg, byte[] b) {
        try {
            return MessageDigest.getInstance(alg).digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String chr(int c) {
        if (c == 0) {
            throw new TuskException(SqlState.PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
        }
        if (c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            throw new TuskException(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested character too large for encoding: "
                    + c);
        }
        return new String(Character.toChars(c));
    }

    /**
     * upper/lower under LC_CTYPE "C" (the databases' ctype): only ASCII letters change, as PostgreSQL does in
     * the C locale.
     */
    static String asciiCase(String s, boolean upper) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (upper && c[i] >= 'a' && c[i] <= 'z') {
                c[i] -= 32;
            } else if (!upper && c[i] >= 'A' && c[i] <= 'Z') {
                c[i] += 32;
            }
        }
        return new String(c);
    }

    /** initcap in the C locale: words are runs of ASCII letters and digits; other letters are left alone. */
    static String initcap(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (inWord) {
                sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            } else {
                sb.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
            }
            inWord = alnum;
        }
        return sb.toString();
    }

    static String translate(String s, String from, String to) {
        StringBuilder sb = new StringBuilder();
        int[] f = from.codePoints().toArray();
        int[] tt = to.codePoints().toArray();
        s.codePoints().forEach(cp -> {
            int idx = -1;
            for (int k = 0; k < f.length; k++) {
                if (f[k] == cp) {
                    idx = k;
                    break;
                }
            }
            if (idx < 0) {
                sb.appendCodePoint(cp);
            } else if (idx < tt.length) {
                sb.appendCodePoint(tt[idx]);
            }
        });
        return sb.toString();
    }

    static String overlay(String s, String repl, int start, int count) {
        if (count < 0) {
            throw new TuskException(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        return cpSub(s, 0, start - 1L) + repl + cpSub(s, (long) start - 1 + count, Long.MAX_VALUE);
    }

    static String quoteIdent(String s) {
        boolean safe = !s.isEmpty() && (Character.isLowerCase(s.charAt(0)) || s.charAt(0) == '_')
                && s.chars().allMatch(ch -> (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')
                && !Keywords.isReserved(s);
        return safe ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String quoteLiteral(String s) {
        String q = "'" + s.replace("'", "''") + "'";
        if (s.indexOf('\\') >= 0) {
            return "E" + q.replace("\\", "\\\\");
        }
        return q;
    }

    /** text_format: %[argpos$][-][width|*|*n$]{s,I,L}, %%, parsed as text_format_parse_format does. */
    static Object format(FunctionContext c, int[] ty, Object[] a) {
        if (a[0] == null) {
            return null;
        }
        String fmt = s(a[0]);
        StringBuilder out = new StringBuilder();
        int arg = 1;
        int[] pos = new int[1];
        for (int i = 0; i < fmt.length(); i++) {
            char ch = fmt.charAt(i);
            if (ch != '%') {
                out.append(ch);
                continue;
            }
            i = advance(fmt, i);
            if (fmt.charAt(i) == '%') {
                out.append('%');
                continue;
            }
            int argpos = -1;
            int widthpos = -1;
            boolean minus = false;
            int width = 0;
            pos[0] = i;
            Integer n = digits(fmt, pos);
            i = pos[0];
            boolean widthOnly = false;
            if (n != null) {
                if (fmt.charAt(i) != '$') {
                    width = n;
                    widthOnly = true;
                } else {
                    if (n == 0) {
                        throw argZero();
                    }
                    argpos = n;
                    i = advance(fmt, i);
                }
            }
            if (!widthOnly) {
                while (fmt.charAt(i) == '-') {
                    minus = true;
                    i = advance(fmt, i);
                }
                if (fmt.charAt(i) == '*') {
                    i = advance(fmt, i);
                    pos[0] = i;
                    Integer w = digits(fmt, pos);
                    i = pos[0];
                    if (w != null) {
                        if (fmt.charAt(i) != '$') {
                            throw AdtErrors.invalidParameter("width argument position must be ended by \"$\"");
                        }
                        if (w == 0) {
                            throw argZero();
                        }
                        widthpos = w;
                        i = advance(fmt, i);
                    } else {
                        widthpos = 0;
                    }
                } else {
                    pos[0] = i;
                    Integer w = digits(fmt, pos);
                    i = pos[0];
                    if (w != null) {
                        width = w;
                    }
                }
            }
            char type = fmt.charAt(i);
            if (type != 's' && type != 'I' && type != 'L') {
                throw AdtErrors.invalidParameter("unrecognized format() type specifier \"" + type + "\"")
                        .withHint("For a single \"%\" use \"%%\".");
            }
            if (widthpos >= 0) {
                if (widthpos > 0) {
                    arg = widthpos;
                }
                if (arg >= a.length) {
                    throw AdtErrors.invalidParameter("too few arguments for format()");
                }
                Object wv = a[arg];
                if (wv == null) {
                    width = 0;
                } else if (wv instanceof Number num && !(wv instanceof Double) && !(wv instanceof Float)
                        && !(wv instanceof java.math.BigDecimal)) {
                    width = IntTypes.int4(num.longValue());
                } else {
                    String str = wv instanceof String str0 ? str0 : TypeIo.textOut(ty[arg], wv, c.formats());
                    width = (Integer) TypeIo.textIn(TypeOids.INT4, str.trim(), -1, c.formats());
                }
                arg++;
            }
            if (argpos > 0) {
                arg = argpos;
            }
            if (arg >= a.length) {
                throw AdtErrors.invalidParameter("too few arguments for format()");
            }
            if (width < 0) {
                minus = true;
                if (width == Integer.MIN_VALUE) {
                    throw AdtErrors.outOfRange("number is out of range");
                }
                width = -width;
            }
            Object v = a[arg];
            String text = v == null ? null : v instanceof String str ? str : TypeIo.textOut(ty[arg], v, c.formats());
            arg++;
            String piece = switch (type) {
                case 's' -> text == null ? "" : text;
                case 'I' -> {
                    if (text == null) {
                        throw new TuskException(SqlState.NULL_VALUE_NOT_ALLOWED,
                                "null values cannot be formatted as an SQL identifier");
                    }
                    yield quoteIdent(text);
                }
                default -> text == null ? "NULL" : quoteLiteral(text);
            };
            int pl = len(piece);
            if (pl < width) {
                piece = minus ? piece + " ".repeat(width - pl) : " ".repeat(width - pl) + piece;
            }
            out.append(piece);
        }
        return out.toString();
    }

    /** ADVANCE_PARSE_POINTER: the next index, or the "unterminated" error at the end of the format. */
    private static int advance(String fmt, int i) {
        if (i + 1 >= fmt.length()) {
            throw AdtErrors.invalidParameter("unterminated format() type specifier")
                    .withHint("For a single \"%\" use \"%%\".");
        }
        return i + 1;
    }

    private static TuskException argZero() {
        return AdtErrors.invalidParameter("format specifies argument 0, but arguments are numbered from 1");
    }

    /** text_format_parse_digits: a decimal number at pos[0] (advanced past it), or null when none. */
    private static Integer digits(String fmt, int[] pos) {
        int i = pos[0];
        if (!Character.isDigit(fmt.charAt(i))) {
            return null;
        }
        long v = 0;
        while (Character.isDigit(fmt.charAt(i))) {
            v = v * 10 + (fmt.charAt(i) - '0');
            if (v > Integer.MAX_VALUE) {
                throw AdtErrors.invalidParameter("number is out of range");
            }
            i = advance(fmt, i);
        }
        pos[0] = i;
        return (int) v;
    }

    static ArrayValue stringToArray(String s, String delim, String nullStr) {
        List<Object> out = new ArrayList<>();
        if (!s.isEmpty()) {
            if (delim == null) {
                s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            } else if (delim.isEmpty()) {
                out.add(s);
            } else {
                int from = 0;
                while (true) {
                    int i = s.indexOf(delim, from);
                    if (i < 0) {
                        out.add(s.substring(from));
                        break;
                    }
                    out.add(s.substring(from, i));
                    from = i + delim.length();
                }
            }
        }
        if (nullStr != null) {
            out.replaceAll(e -> nullStr.equals(e) ? null : e);
        }
        return new ArrayValue(TypeOids.TEXT, out);
    }

    static String encode(byte[] b, String fmt) {
        return switch (fmt.toLowerCase(Locale.ROOT)) {
            case "hex" -> HexFormat.of().formatHex(b);
            case "base64" -> java.util.Base64.getMimeEncoder(76, "\n".getBytes()).encodeToString(b);
            case "escape" -> ByteaType.INSTANCE.out(TypeOids.BYTEA, b, SessionFormats.DEFAULT.withByteaHex(false));
            default -> throw AdtErrors.invalidParameter("unrecognized encoding: \"" + fmt + "\"");
        };
    }

    static byte[] decode(String s, String fmt) {
        return switch (fmt.toLowerCase(Locale.ROOT)) {
            case "hex" -> ByteaType.parse("\\x" + s);
            case "base64" -> java.util.Base64.getMimeDecoder().decode(s);
            case "escape" -> ByteaType.parse(s.startsWith("\\x") ? "\\" + s : s);
            default -> throw AdtErrors.invalidParameter("unrecognized encoding: \"" + fmt + "\"");
        };
    }
}
