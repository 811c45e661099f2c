package dev.tusk.utils.adt;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One-dimensional arrays (arrayfuncs.c array_in/array_out/array_recv/array_send) and int2vector/oidvector
 * (space-separated text, array binary form). Carrier {@link ArrayValue}.
 */
final class ArrayType implements TypeHandler {
    static final ArrayType INSTANCE = new ArrayType();

    static int elementType(int typeOid) {
        return switch (typeOid) {
            case TypeOids.INT2VECTOR -> TypeOids.INT2;
            case TypeOids.OIDVECTOR -> TypeOids.OID;
            default -> TypeRegistry.builtin().elementOf(typeOid);
        };
    }

    private static boolean isVector(int typeOid) {
        return typeOid == TypeOids.INT2VECTOR || typeOid == TypeOids.OIDVECTOR;
    }

    private static TuskException malformed(String text, String detail) {
        return new TuskException(SqlState.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + text + "\"")
                .withDetail(detail);
    }

    @Override
    public Object in(int typeOid, String text, int typmod, SessionFormats f) {
        int elem = elementType(typeOid);
        List<Object> out = new ArrayList<>();
        if (isVector(typeOid)) {
            for (String p : text.strip().split("\\s+")) {
                if (!p.isEmpty()) {
                    out.add(TypeIo.textIn(elem, p, -1, f));
                }
            }
            return new ArrayValue(elem, out);
        }
        char delim = TypeRegistry.builtin().byOid(elem).map(PgType::typdelim).orElse(',');
        String s = text.strip();
        if (s.startsWith("[")) {
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw malformed(text, "\"[\" must introduce explicitly-specified array dimensions.");
            }
            s = s.substring(eq + 1).strip();
        }
        if (!s.startsWith("{")) {
            throw malformed(text, "Array value must start with \"{\" or dimension information.");
        }
        int i = 1;
        int n = s.length();
        boolean expectElement = true;
        while (true) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                throw malformed(text, "Unexpected end of input.");
            }
            char c = s.charAt(i);
            if (c == '}' && (out.isEmpty() || !expectElement)) {
                i++;
                break;
            }
            if (c == '{') {
                throw AdtErrors.unsupported("multidimensional arrays are not supported");
            }
            StringBuilder sb = new StringBuilder();
            boolean quoted = false;
            boolean sawQuote = false;
            while (i < n) {
                c = s.charAt(i);
                if (quoted) {
                    if (c == '\\' && i + 1 < n) {
                        sb.append(s.charAt(++i));
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        sb.append(c);
                    }
                    i++;
                    continue;
                }
                if (c == '"') {
                    quoted = true;
                    sawQuote = true;
                    i++;
                } else if (c == '\\' && i + 1 < n) {
                    sb.append(s.charAt(i + 1));
                    i += 2;
                } else if (c == delim || c == '}') {
                    break;
                } else if (c == '{') {
                    throw malformed(text, "Unexpected \"{\" character.");
                } else {
                    sb.append(c);
                    i++;
                }
            }
            if (quoted) {
                throw malformed(text, "Unexpected end of input.");
            }
            String raw = sawQuote ? sb.toString() : sb.toString().strip();
            if (!sawQuote && raw.isEmpty()) {
                throw malformed(text, "Unexpected \"" + (i < n ? s.charAt(i) : ' ') + "\" character.");
            }
            if (!sawQuote && raw.toUpperCase(Locale.ROOT).equals("NULL")) {
                out.add(null);
            } else {
                out.add(TypeIo.textIn(elem, raw, typmod, f));
            }
            if (i >= n) {
                throw malformed(text, "Unexpected end of input.");
            }
            if (s.charAt(i) == delim) {
                i++;
                expectElement = true;
            } else {
                expectElement = false;
            }
        }
        if (!s.substring(i).isBlank()) {
            throw malformed(text, "Junk after closing right brace.");
        }
        return new ArrayValue(elem, out);
    }

    @Override
    public String out(int typeOid, Object value, SessionFormats f) {
        ArrayValue a = (ArrayValue) value;
        int elem = a.elementTypeOid();
        if (isVector(typeOid)) {
            StringBuilder sb = new StringBuilder();
            for (Object e : a.elements()) {
                sb.append(sb.isEmpty() ? "" : " ").append(TypeIo.textOut(elem, e, f));
            }
            return sb.toString();
        }
        char delim = TypeRegistry.builtin().byOid(elem).map(PgType::typdelim).orElse(',');
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Object e : a.elements()) {
            if (!first) {
                sb.append(delim);
            }
            first = false;
            if (e == null) {
                sb.append("NULL");
                continue;
            }
            String t = TypeIo.textOut(elem, e, f);
            if (needsQuotes(t, delim)) {
                sb.append('"');
                for (int k = 0; k < t.length(); k++) {
                    char c = t.charAt(k);
                    if (c == '"' || c == '\\') {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                sb.append('"');
            } else {
                sb.append(t);
            }
        }
        return sb.append('}').toString();
    }

    private static boolean needsQuotes(String t, char delim) {
        if (t.isEmpty() || t.equalsIgnoreCase("NULL")) {
            return true;
        }
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c == '"' || c == '\\' || c == '{' || c == '}' || c == delim || c == ' ' || c == '\t' || c == '\n'
                    || c == '\r' || c == '\f' || c == 0x0b) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object recv(int typeOid, ByteBuffer buf, int typmod, SessionFormats f) {
        Bytes.requireRemaining(buf, 12);
        int ndim = buf.getInt();
        buf.getInt(); // has-nulls flag
        int elem = buf.getInt();
        if (ndim < 0 || ndim > 1) {
            if (ndim > 1) {
                throw AdtErrors.unsupported("multidimensional arrays are not supported");
            }
            throw AdtErrors.badBinary("invalid number of dimensions: " + ndim);
        }
        int expected = elementType(typeOid);
        if (expected != 0 && elem != expected) {
            throw new TuskException(SqlState.DATATYPE_MISMATCH, "binary data has array element type " + elem
                    + " (" + TypeNames.format(elem) + ") instead of expected " + expected + " ("
                    + TypeNames.format(expected) + ")");
        }
        List<Object> out = new ArrayList<>();
        if (ndim == 1) {
            Bytes.requireRemaining(buf, 8);
            int len = buf.getInt();
            buf.getInt(); // lower bound
            for (int i = 0; i < len; i++) {
                Bytes.requireRemaining(buf, 4);
                int l = buf.getInt();
                if (l < 0) {
                    out.add(null);
                    continue;
                }
                Bytes.requireRemaining(buf, l);
                byte[] b = new byte[l];
                buf.get(b);
                out.add(TypeIo.binaryIn(expected, b, typmod, f));
            }
        }
        return new ArrayValue(expected, out);
    }

    @Override
    public byte[] send(int typeOid, Object value, SessionFormats f) {
        ArrayValue a = (ArrayValue) value;
        int elem = elementType(typeOid);
        if (elem == 0) {
            elem = a.elementTypeOid();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean empty = a.elements().isEmpty();
        out.writeBytes(Bytes.i4(empty ? 0 : 1));
        out.writeBytes(Bytes.i4(a.hasNulls() ? 1 : 0));
        out.writeBytes(Bytes.i4(elem));
        if (!empty) {
            out.writeBytes(Bytes.i4(a.size()));
            out.writeBytes(Bytes.i4(1));
            for (Object e : a.elements()) {
                if (e == null) {
                    out.writeBytes(Bytes.i4(-1));
                } else {
                    byte[] b = TypeIo.binaryOut(elem, e, f);
                    out.writeBytes(Bytes.i4(b.length));
                    out.writeBytes(b);
                }
            }
        }
        return out.toByteArray();
    }

    @Override
    public int compare(int typeOid, Object a, Object b) {
        ArrayValue x = (ArrayValue) a;
        ArrayValue y = (ArrayValue) b;
        int elem = x.elementTypeOid();
        int n = Math.min(x.size(), y.size());
        for (int i = 0; i < n; i++) {
            Object p = x.get(i);
            Object q = y.get(i);
            if (p == null || q == null) {
                if (p != q) {
                    return p == null ? 1 : -1; // NULLs sort after non-nulls inside arrays
                }
                continue;
            }
            int c = Comparisons.compare(elem, p, q);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }
}
