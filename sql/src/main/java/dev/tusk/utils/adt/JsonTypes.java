package dev.tusk.utils.adt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** json (validated text, kept as written) and jsonb ({@link Jsonb}; binary: version byte 1 + text). */
final class JsonTypes implements TypeHandler {
    static final JsonTypes INSTANCE = new JsonTypes();

    @Override
    public Object in(int typeOid, String text, int typmod, SessionFormats f) {
        if (typeOid == TypeOids.JSON) {
            JsonParser.parse(text, false);
            return text;
        }
        return Jsonb.parse(text);
    }

    @Override
    public String out(int typeOid, Object value, SessionFormats f) {
        return value.toString();
    }

    @Override
    public Object recv(int typeOid, ByteBuffer buf, int typmod, SessionFormats f) {
        if (typeOid == TypeOids.JSONB) {
            Bytes.requireRemaining(buf, 1);
            int version = buf.get();
            if (version != 1) {
                throw AdtErrors.badBinary("unsupported jsonb version number " + version);
            }
        }
        return in(typeOid, new String(Bytes.rest(buf), StandardCharsets.UTF_8), typmod, f);
    }

    @Override
    public byte[] send(int typeOid, Object value, SessionFormats f) {
        byte[] t = value.toString().getBytes(StandardCharsets.UTF_8);
        if (typeOid != TypeOids.JSONB) {
            return t;
        }
        byte[] out = new byte[t.length + 1];
        out[0] = 1;
        System.arraycopy(t, 0, out, 1, t.length);
        return out;
    }

    @Override
    public int compare(int typeOid, Object a, Object b) {
        if (a instanceof Jsonb x && b instanceof Jsonb y) {
            return compareTrees(x.root(), y.root());
        }
        return TextTypes.compareUtf8(a.toString(), b.toString());
    }

    /** jsonb's btree order: Object &gt; Array &gt; Boolean &gt; Number &gt; String &gt; Null; then size, contents. */
    static int compareTrees(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (a) {
            case java.util.Map<?, ?> m -> {
                java.util.Map<?, ?> n = (java.util.Map<?, ?>) b;
                if (m.size() != n.size()) {
                    yield Integer.compare(m.size(), n.size());
                }
                var ia = m.entrySet().iterator();
                var ib = n.entrySet().iterator();
                while (ia.hasNext()) {
                    var ea = ia.next();
                    var eb = ib.next();
                    int c = JsonParser.compareKeys((String) ea.getKey(), (String) eb.getKey());
                    if (c == 0) {
                        c = compareTrees(ea.getValue(), eb.getValue());
                    }
                    if (c != 0) {
                        yield c;
                    }
                }
                yield 0;
            }
            case java.util.List<?> l -> {
                java.util.List<?> k = (java.util.List<?>) b;
                if (l.size() != k.size()) {
                    yield Integer.compare(l.size(), k.size());
                }
                for (int i = 0; i < l.size(); i++) {
                    int c = compareTrees(l.get(i), k.get(i));
                    if (c != 0) {
                        yield c;
                    }
                }
                yield 0;
            }
            case java.math.BigDecimal d -> d.compareTo((java.math.BigDecimal) b);
            case Boolean x -> Boolean.compare(x, (Boolean) b);
            case String x -> TextTypes.compareUtf8(x, (String) b);
            default -> 0;
        };
    }

    private static int rank(Object v) {
        return switch (v) {
            case java.util.Map<?, ?> m -> 5;
            case java.util.List<?> l -> 4;
            case Boolean b -> 3;
            case java.math.BigDecimal d -> 2;
            case String s -> 1;
            default -> 0;
        };
    }

    /** A hash consistent with {@link #compareTrees} equality (numbers by value). */
    static int hashTree(Object v) {
        return switch (v) {
            case java.util.Map<?, ?> m -> {
                int h = 5;
                for (var e : m.entrySet()) {
                    h = h * 31 + e.getKey().hashCode() * 17 + hashTree(e.getValue());
                }
                yield h;
            }
            case java.util.List<?> l -> {
                int h = 4;
                for (Object o : l) {
                    h = h * 31 + hashTree(o);
                }
                yield h;
            }
            case java.math.BigDecimal d -> d.signum() == 0 ? 0 : d.stripTrailingZeros().hashCode();
            default -> v.hashCode();
        };
    }
}
