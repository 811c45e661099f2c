package dev.tusk.utils.adt;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A JSON reader for json validation and jsonb (json.c / jsonb.c); jsonb objects get jsonb's key order. */
final class JsonParser {
    private final String s;
    private final boolean build;
    private int i;

    private JsonParser(String s, boolean build) {
        this.s = s;
        this.build = build;
    }

    /** jsonb's key order: shorter keys first, then bytewise. */
    static int compareKeys(String a, String b) {
        byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (x.length != y.length) {
            return Integer.compare(x.length, y.length);
        }
        return java.util.Arrays.compareUnsigned(x, y);
    }

    static Object parse(String text, boolean build) {
        JsonParser p = new JsonParser(text, build);
        p.ws();
        Object v = p.value();
        p.ws();
        if (p.i < text.length()) {
            throw p.error("Expected end of input, but found \"" + p.token() + "\".");
        }
        return v;
    }

    private TuskException error(String detail) {
        return new TuskException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type json")
                .withDetail(detail);
    }

    private String token() {
        int e = i;
        while (e < s.length() && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '_')) {
            e++;
        }
        return e == i ? String.valueOf(s.charAt(i)) : s.substring(i, e);
    }

    private void ws() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n'
                || s.charAt(i) == '\r')) {
            i++;
        }
    }

    private Object value() {
        if (i >= s.length()) {
            throw error("The input string ended unexpectedly.");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            default: break;
        }
        if (c == '-' || Character.isDigit(c)) {
            int st = i;
            if (s.charAt(i) == '-') {
                i++;
            }
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || ".eE+-".indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
            String num = s.substring(st, i);
            if (!num.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) {
                i = st;
                throw error("Token \"" + token() + "\" is invalid.");
            }
            return NumericType.normalize(new BigDecimal(num));
        }
        String t = token();
        switch (t) {
            case "true": i += 4; return Boolean.TRUE;
            case "false": i += 5; return Boolean.FALSE;
            case "null": i += 4; return Jsonb.NULL;
            default: throw error("Token \"" + t + "\" is invalid.");
        }
    }

    private Object object() {
        i++;
        Map<String, Object> m = new TreeMap<>(JsonParser::compareKeys);
        ws();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return m;
        }
        while (true) {
            ws();
            if (i >= s.length()) {
                throw error("The input string ended unexpectedly.");
            }
            if (s.charAt(i) != '"') {
                throw error("Expected string or \"}\", but found \"" + token() + "\".");
            }
            String k = string();
            ws();
            if (i >= s.length() || s.charAt(i) != ':') {
                throw error(i >= s.length() ? "The input string ended unexpectedly."
                        : "Expected \":\", but found \"" + token() + "\".");
            }
            i++;
            ws();
            Object v = value();
            m.put(k, v);
            ws();
            if (i >= s.length()) {
                throw error("The input string ended unexpectedly.");
            }
            char c = s.charAt(i++);
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                i--;
                throw error("Expected \",\" or \"}\", but found \"" + token() + "\".");
            }
        }
    }

    private Object array() {
        i++;
        List<Object> l = new ArrayList<>();
        ws();
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            return l;
        }
        while (true) {
            ws();
            l.add(value());
            ws();
            if (i >= s.length()) {
                throw error("The input string ended unexpectedly.");
            }
            char c = s.charAt(i++);
            if (c == ']') {
                return l;
            }
            if (c != ',') {
                i--;
                throw error("Expected \",\" or \"]\", but found \"" + token() + "\".");
            }
        }
    }

    private String string() {
        i++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw error("The input string ended unexpectedly.");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("Character with value 0x" + String.format("%02x", (int) c) + " must be escaped.");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i >= s.length()) {
                throw error("The input string ended unexpectedly.");
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw error("\"\\u\" must be followed by four hexadecimal digits.");
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("\"\\u\" must be followed by four hexadecimal digits.");
                    }
                    i += 4;
                }
                default -> throw error("Escape sequence \"\\" + e + "\" is invalid.");
            }
        }
    }

    /** The raw text of member {@code key} of a JSON object text (last one wins), or null. */
    static String rawField(String json, String key) {
        List<String> found = new ArrayList<>();
        JsonParser p = new JsonParser(json, false);
        p.ws();
        if (p.i >= json.length() || json.charAt(p.i) != '{') {
            return null;
        }
        p.i++;
        String result = null;
        while (true) {
            p.ws();
            if (p.i >= json.length() || json.charAt(p.i) == '}') {
                return result;
            }
            String k = p.string();
            p.ws();
            p.i++;
            p.ws();
            int st = p.i;
            p.value();
            if (k.equals(key)) {
                result = json.substring(st, p.i);
            }
            p.ws();
            if (p.i < json.length() && json.charAt(p.i) == ',') {
                p.i++;
            } else {
                return result;
            }
        }
    }

    /** The raw texts of the elements of a JSON array text, or null when it is not an array. */
    static List<String> rawElements(String json) {
        JsonParser p = new JsonParser(json, false);
        p.ws();
        if (p.i >= json.length() || json.charAt(p.i) != '[') {
            return null;
        }
        p.i++;
        List<String> out = new ArrayList<>();
        while (true) {
            p.ws();
            if (p.i >= json.length() || json.charAt(p.i) == ']') {
                return out;
            }
            int st = p.i;
            p.value();
            out.add(json.substring(st, p.i));
            p.ws();
            if (p.i < json.length() && json.charAt(p.i) == ',') {
                p.i++;
            } else {
                return out;
            }
        }
    }

    /** The keys of a JSON object text in order (duplicates kept), or null when it is not an object. */
    static List<String> rawKeys(String json) {
        JsonParser p = new JsonParser(json, false);
        p.ws();
        if (p.i >= json.length() || json.charAt(p.i) != '{') {
            return null;
        }
        p.i++;
        List<String> out = new ArrayList<>();
        while (true) {
            p.ws();
            if (p.i >= json.length() || json.charAt(p.i) == '}') {
                return out;
            }
            out.add(p.string());
            p.ws();
            p.i++;
            p.ws();
            p.value();
            p.ws();
            if (p.i < json.length() && json.charAt(p.i) == ',') {
                p.i++;
            } else {
                return out;
            }
        }
    }

    /** escape_json. */
    static void quote(StringBuilder sb, String v) {
        sb.append('"');
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
