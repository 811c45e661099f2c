package dev.tusk.utils.adt;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A jsonb value: a normalized tree of Java objects — {@code Map<String,Object>} (keys sorted shorter first, then
 * by bytes, no duplicates: the last one wins), {@code List<Object>}, String, BigDecimal, Boolean and
 * {@link #NULL} for JSON null. {@link #toString()} is PostgreSQL's jsonb_out text ({@code {"a": 1, "b": [1, 2]}}).
 */
public record Jsonb(Object root) {
    /** JSON null (Java null means SQL NULL). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Parses JSON text (22P02 invalid input syntax for type json on errors). */
    public static Jsonb parse(String text) {
        return new Jsonb(JsonParser.parse(text, true));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        write(sb, root);
        return sb.toString();
    }

    static void write(StringBuilder sb, Object v) {
        if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                JsonParser.quote(sb, (String) e.getKey());
                sb.append(": ");
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                write(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof String s) {
            JsonParser.quote(sb, s);
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else {
            sb.append(v);
        }
    }

    /** jsonb_typeof: object, array, string, number, boolean, null. */
    public String typeName() {
        return switch (root) {
            case Map<?, ?> m -> "object";
            case List<?> l -> "array";
            case String s -> "string";
            case BigDecimal d -> "number";
            case Boolean b -> "boolean";
            default -> "null";
        };
    }
}
