package dev.tusk.catalog;

import dev.tusk.parser.Keywords;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** quote_identifier and stringToQualifiedNameList (ruleutils.c, regproc.c). */
public final class QualifiedNames {
    private QualifiedNames() {
    }

    /** quote_identifier: double-quotes a name unless it is a lower-case identifier and not a reserved keyword. */
    public static String quote(String ident) {
        boolean safe = !ident.isEmpty() && (Character.isLowerCase(ident.charAt(0)) || ident.charAt(0) == '_');
        for (int i = 0; safe && i < ident.length(); i++) {
            char c = ident.charAt(i);
            safe = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
        if (safe) {
            Keywords.Keyword kw = Keywords.lookup(ident);
            safe = kw == null || kw.category() == Keywords.Category.UNRESERVED;
        }
        return safe ? ident : "\"" + ident.replace("\"", "\"\"") + "\"";
    }

    /** {@code schema.name} with each part quoted as needed. */
    public static String qualify(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /**
     * stringToQualifiedNameList: splits {@code a.b."C d"} into identifiers, folding unquoted parts to lower case;
     * 42602 {@code invalid name syntax} on malformed input.
     */
    public static List<String> parse(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            StringBuilder sb = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw invalid();
                    }
                    char c = s.charAt(i++);
                    if (c == '"') {
                        if (i < n && s.charAt(i) == '"') {
                            sb.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(c);
                    }
                }
                if (sb.isEmpty()) {
                    throw invalid();
                }
            } else {
                while (i < n && s.charAt(i) != '.' && !Character.isWhitespace(s.charAt(i))) {
                    sb.append(s.charAt(i++));
                }
                if (sb.isEmpty()) {
                    throw invalid();
                }
                String folded = sb.toString().toLowerCase(Locale.ROOT);
                sb.setLength(0);
                sb.append(folded);
            }
            out.add(sb.toString());
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            if (s.charAt(i) != '.') {
                throw invalid();
            }
            i++;
        }
    }

    private static TuskException invalid() {
        return new TuskException(SqlState.INVALID_NAME, "invalid name syntax");
    }
}
