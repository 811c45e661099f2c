package dev.tusk.utils.adt;

import dev.tusk.utils.fmgr.ImplTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * json and jsonb operators and functions (json.c, jsonb.c, jsonfuncs.c): -&gt;, -&gt;&gt; by key and index,
 * to_json/to_jsonb, json(b)_build_object/array, typeof, array length/elements, object keys, @&gt; &lt;@ ?,
 * and the jsonb casts to scalar types.
 */
final class JsonFunctions {
    private JsonFunctions() {
    }

    static void register(ImplTable t) {
        t.fn2("json_object_field", (a, b) -> JsonParser.rawField((String) a, (String) b))
                .fn2("json_object_field_text", (a, b) -> rawToText(JsonParser.rawField((String) a, (String) b)))
                .fn2("json_array_element", (a, b) -> rawElement((String) a, (Integer) b))
                .fn2("json_array_element_text", (a, b) -> rawToText(rawElement((String) a, (Integer) b)))
                .fn1("json_array_length", a -> {
                    List<String> l = JsonParser.rawElements((String) a);
                    if (l == null) {
                        throw AdtErrors.invalidParameter("cannot get array length of a non-array");
                    }
                    return l.size();
                })
                .fn1("json_typeof", a -> Jsonb.parse((String) a).typeName())
                .set("json_array_elements", (c, ty, a) -> elementsOrError((String) a[0]).iterator())
                .set("json_array_elements_text", (c, ty, a) -> {
                    List<Object> out = new ArrayList<>();
                    for (Object e : elementsOrError((String) a[0])) {
                        out.add(rawToText((String) e));
                    }
                    return out.iterator();
                })
                .set("json_object_keys", (c, ty, a) -> {
                    List<String> k = JsonParser.rawKeys((String) a[0]);
                    if (k == null) {
                        throw AdtErrors.invalidParameter("cannot call json_object_keys on a non-object");
                    }
                    return new ArrayList<Object>(k).iterator();
                });
        t.fn2("jsonb_object_field", (a, b) -> field((Jsonb) a, (String) b))
                .fn2("jsonb_object_field_text", (a, b) -> asText(field((Jsonb) a, (String) b)))
                .fn2("jsonb_array_element", (a, b) -> element((Jsonb) a, (Integer) b))
                .fn2("jsonb_array_element_text", (a, b) -> asText(element((Jsonb) a, (Integer) b)))
                .fn1("jsonb_typeof", a -> ((Jsonb) a).typeName())
                .fn1("jsonb_array_length", a -> {
                    if (!(((Jsonb) a).root() instanceof List<?> l)) {
                        throw AdtErrors.invalidParameter("cannot get array length of a "
                                + (((Jsonb) a).root() instanceof Map ? "non-array" : "scalar"));
                    }
                    return l.size();
                })
                .set("jsonb_array_elements", (c, ty, a) -> jsonbElements((Jsonb) a[0], false))
                .set("jsonb_array_elements_text", (c, ty, a) -> jsonbElements((Jsonb) a[0], true))
                .set("jsonb_object_keys", (c, ty, a) -> {
                    if (!(((Jsonb) a[0]).root() instanceof Map<?, ?> m)) {
                        throw AdtErrors.invalidParameter("cannot call jsonb_object_keys on a scalar");
                    }
                    return new ArrayList<Object>(m.keySet()).iterator();
                })
                .fn2("jsonb_contains", (a, b) -> contains(((Jsonb) a).root(), ((Jsonb) b).root()))
                .fn2("jsonb_contained", (a, b) -> contains(((Jsonb) b).root(), ((Jsonb) a).root()))
                .fn2("jsonb_exists", (a, b) -> exists((Jsonb) a, (String) b))
                .fn2("jsonb_exists_any", (a, b) -> ((ArrayValue) b).elements().stream()
                        .anyMatch(k -> k != null && exists((Jsonb) a, (String) k)))
                .fn2("jsonb_exists_all", (a, b) -> ((ArrayValue) b).elements().stream()
                        .allMatch(k -> k == null || exists((Jsonb) a, (String) k)))
                .fn1("jsonb_pretty", a -> pretty(((Jsonb) a).root(), 0))
                .fn1("jsonb_bool", a -> scalar((Jsonb) a, Boolean.class, "boolean"))
                .fn1("jsonb_numeric", a -> scalar((Jsonb) a, BigDecimal.class, "numeric"))
                .fn1("jsonb_int2", a -> (short) NumericType.toLong(scalar((Jsonb) a, BigDecimal.class, "smallint"),
                        Short.MIN_VALUE, Short.MAX_VALUE, "smallint"))
                .fn1("jsonb_int4", a -> (int) NumericType.toLong(scalar((Jsonb) a, BigDecimal.class, "integer"),
                        Integer.MIN_VALUE, Integer.MAX_VALUE, "integer"))
                .fn1("jsonb_int8", a -> NumericType.toLong(scalar((Jsonb) a, BigDecimal.class, "bigint"),
                        Long.MIN_VALUE, Long.MAX_VALUE, "bigint"))
                .fn1("jsonb_float8", a -> scalar((Jsonb) a, BigDecimal.class, "double precision").doubleValue())
                .fn1("jsonb_float4", a -> scalar((Jsonb) a, BigDecimal.class, "real").floatValue());
        t.fn("to_json", (c, ty, a) -> jsonText(toJsonTree(a[0], ty[0], c.formats()), false))
                .fn("array_to_json", (c, ty, a) -> jsonText(toJsonTree(a[0], ty[0], c.formats()), false))
                .fn("to_jsonb", (c, ty, a) -> new Jsonb(toJsonTree(a[0], ty[0], c.formats())))
                .fn("json_build_object", (c, ty, a) -> buildObject(c.formats(), ty, a, false))
                .fn("json_build_object_noargs", (c, ty, a) -> "{}")
                .fn("jsonb_build_object", (c, ty, a) -> buildObject(c.formats(), ty, a, true))
                .fn("jsonb_build_object_noargs", (c, ty, a) -> new Jsonb(new TreeMap<>(JsonParser::compareKeys)))
                .fn("json_build_array", (c, ty, a) -> {
                    StringBuilder sb = new StringBuilder("[");
                    for (int i = 0; i < a.length; i++) {
                        sb.append(i == 0 ? "" : ", ").append(jsonText(toJsonTree(a[i], ty[i], c.formats()), false));
                    }
                    return sb.append(']').toString();
                })
                .fn("json_build_array_noargs", (c, ty, a) -> "[]")
                .fn("jsonb_build_array", (c, ty, a) -> {
                    List<Object> l = new ArrayList<>();
                    for (int i = 0; i < a.length; i++) {
                        l.add(toJsonTree(a[i], ty[i], c.formats()));
                    }
                    return new Jsonb(l);
                })
                .fn("jsonb_build_array_noargs", (c, ty, a) -> new Jsonb(new ArrayList<>()));
    }

    private static String rawElement(String json, int idx) {
        List<String> l = JsonParser.rawElements(json);
        if (l == null) {
            return null;
        }
        int i = idx < 0 ? l.size() + idx : idx;
        return i >= 0 && i < l.size() ? l.get(i) : null;
    }

    private static List<Object> elementsOrError(String json) {
        List<String> l = JsonParser.rawElements(json);
        if (l == null) {
            throw AdtErrors.invalidParameter("cannot extract elements from an object");
        }
        return new ArrayList<>(l);
    }

    /** ->> on a raw json value: strings unescaped, null to SQL NULL, others as written. */
    private static String rawToText(String raw) {
        if (raw == null) {
            return null;
        }
        Object v = JsonParser.parse(raw, true);
        if (v == Jsonb.NULL) {
            return null;
        }
        return v instanceof String s ? s : raw;
    }

    private static Object field(Jsonb j, String key) {
        if (j.root() instanceof Map<?, ?> m) {
            Object v = m.get(key);
            return v == null ? null : new Jsonb(v);
        }
        return null;
    }

    private static Object element(Jsonb j, int idx) {
        if (j.root() instanceof List<?> l) {
            int i = idx < 0 ? l.size() + idx : idx;
            return i >= 0 && i < l.size() ? new Jsonb(l.get(i)) : null;
        }
        return null;
    }

    private static String asText(Object jsonb) {
        if (jsonb == null) {
            return null;
        }
        Object v = ((Jsonb) jsonb).root();
        if (v == Jsonb.NULL) {
            return null;
        }
        return v instanceof String s ? s : jsonb.toString();
    }

    private static Iterator<Object> jsonbElements(Jsonb j, boolean text) {
        if (!(j.root() instanceof List<?> l)) {
            throw AdtErrors.invalidParameter("cannot extract elements from " + (j.root() instanceof Map ? "an object"
                    : "a scalar"));
        }
        List<Object> out = new ArrayList<>();
        for (Object e : l) {
            out.add(text ? asText(new Jsonb(e)) : new Jsonb(e));
        }
        return out.iterator();
    }

    private static boolean exists(Jsonb j, String key) {
        return switch (j.root()) {
            case Map<?, ?> m -> m.containsKey(key);
            case List<?> l -> l.contains(key);
            case String s -> s.equals(key);
            default -> false;
        };
    }

    /** jsonb @&gt;. */
    static boolean contains(Object a, Object b) {
        if (a instanceof Map<?, ?> ma) {
            if (!(b instanceof Map<?, ?> mb)) {
                return false;
            }
            for (Map.Entry<?, ?> e : mb.entrySet()) {
                if (!ma.containsKey(e.getKey()) || !contains(ma.get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> la) {
            if (b instanceof List<?> lb) {
                for (Object x : lb) {
                    boolean found = false;
                    for (Object y : la) {
                        if (!(y instanceof List) == !(x instanceof List) && contains(y, x)) {
                            found = true;
                            break;
                        }
                    }
                    if (!found) {
                        return false;
                    }
                }
                return true;
            }
            return !(b instanceof Map) && la.stream().anyMatch(y -> scalarEq(y, b));
        }
        return scalarEq(a, b);
    }

    private static boolean scalarEq(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a.equals(b) || (a == Jsonb.NULL && b == Jsonb.NULL);
    }

    private static <T> T scalar(Jsonb j, Class<T> type, String typeName) {
        if (!type.isInstance(j.root())) {
            throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.INVALID_PARAMETER_VALUE,
                    "cannot cast jsonb " + j.typeName() + " to type " + typeName);
        }
        return type.cast(j.root());
    }

    private static String pretty(Object v, int indent) {
        String pad = "    ".repeat(indent);
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return "{\n" + pad + "}";
            }
            StringBuilder sb = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(pad).append("    ");
                JsonParser.quote(sb, (String) e.getKey());
                sb.append(": ").append(pretty(e.getValue(), indent + 1)).append(++i < m.size() ? ",\n" : "\n");
            }
            return sb.append(pad).append('}').toString();
        }
        if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                return "[\n" + pad + "]";
            }
            StringBuilder sb = new StringBuilder("[\n");
            for (int i = 0; i < l.size(); i++) {
                sb.append(pad).append("    ").append(pretty(l.get(i), indent + 1))
                        .append(i + 1 < l.size() ? ",\n" : "\n");
            }
            return sb.append(pad).append(']').toString();
        }
        StringBuilder sb = new StringBuilder();
        Jsonb.write(sb, v);
        return sb.toString();
    }

    /** datum_to_json as a tree (numbers BigDecimal, date/times as ISO strings, arrays as lists). */
    static Object toJsonTree(Object v, int type, SessionFormats f) {
        if (v == null) {
            return Jsonb.NULL;
        }
        return switch (v) {
            case Boolean b -> b;
            case Short s -> BigDecimal.valueOf(s);
            case Integer i -> TypeOids.isRegType(type) || type == TypeOids.OID ? TypeIo.textOut(type, i, f)
                    : BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case BigDecimal d -> NumericType.isSpecial(d) ? d.toString() : d;
            case Double d -> Double.isNaN(d) || Double.isInfinite(d) ? FloatTypes.format8(d, 1)
                    : new BigDecimal(FloatTypes.format8(d, 1));
            case Float d -> Float.isNaN(d) || Float.isInfinite(d) ? FloatTypes.format4(d, 1)
                    : new BigDecimal(FloatTypes.format4(d, 1));
            case Jsonb j -> j.root();
            case ArrayValue a -> {
                List<Object> l = new ArrayList<>();
                for (Object e : a.elements()) {
                    l.add(toJsonTree(e, a.elementTypeOid(), f));
                }
                yield l;
            }
            case LocalDate d -> DateTimeTypes.formatDate(d, DateStyle.DEFAULT);
            case LocalDateTime ts -> DateTimeTypes.formatTimestamp(ts, DateStyle.DEFAULT).replace(' ', 'T');
            case Instant i -> isoInstant(i, f);
            case LocalTime t -> DateTimeTypes.formatTime(t);
            case String s when type == TypeOids.JSON -> JsonParser.parse(s, true);
            default -> TypeIo.textOut(type, v, f);
        };
    }

    private static String isoInstant(Instant i, SessionFormats f) {
        String s = DateTimeTypes.formatTimestamptz(i, DateStyle.DEFAULT, f.timeZone());
        if (s.endsWith("infinity")) {
            return s;
        }
        s = s.replaceFirst(" ", "T");
        // +00 becomes +00:00 in JSON (ISO 8601 offsets always carry minutes)
        return s.matches(".*[+-]\\d\\d$") ? s + ":00" : s;
    }

    /** json text of a tree: arrays without spaces, as to_json writes them. */
    static String jsonText(Object tree, boolean spaced) {
        StringBuilder sb = new StringBuilder();
        writeCompact(sb, tree, spaced);
        return sb.toString();
    }

    private static void writeCompact(StringBuilder sb, Object v, boolean spaced) {
        if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : spaced ? ", " : ",");
                writeCompact(sb, l.get(i), false);
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                JsonParser.quote(sb, (String) e.getKey());
                sb.append(':');
                writeCompact(sb, e.getValue(), false);
            }
            sb.append('}');
        } else {
            Jsonb.write(sb, v);
        }
    }

    private static Object buildObject(SessionFormats f, int[] ty, Object[] a, boolean jsonb) {
        if (a.length % 2 != 0) {
            throw AdtErrors.invalidParameter("argument list must have even number of elements")
                    .withHint("The arguments of " + (jsonb ? "jsonb" : "json") + "_build_object() must consist of "
                            + "alternating keys and values.");
        }
        Map<String, Object> m = new TreeMap<>(JsonParser::compareKeys);
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < a.length; i += 2) {
            if (a[i] == null) {
                throw AdtErrors.invalidParameter("argument " + (i + 1) + ": key must not be null");
            }
            String key = a[i] instanceof String s ? s : TypeIo.textOut(ty[i], a[i], f);
            Object val = toJsonTree(a[i + 1], ty[i + 1], f);
            m.put(key, val);
            sb.append(i == 0 ? "" : ", ");
            JsonParser.quote(sb, key);
            sb.append(" : ").append(jsonText(val, false));
        }
        return jsonb ? new Jsonb(m) : sb.append('}').toString();
    }
}
