package dev.tusk.commands;

import java.util.ArrayList;
import java.util.List;

/** The search_path setting split into schema names (PostgreSQL's {@code SplitIdentifierString}). */
public final class SearchPath {
    private SearchPath() {
    }

    /**
     * Splits on commas outside double quotes; quoted names keep their case and lose the quotes ("" is one
     * quote), unquoted names are lower-cased and trimmed. "$user" is kept as written.
     */
    public static List<String> parse(String value) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder name = new StringBuilder();
            if (value.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = value.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && value.charAt(i + 1) == '"') {
                            name.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    name.append(c);
                    i++;
                }
            } else {
                while (i < n && value.charAt(i) != ',') {
                    name.append(value.charAt(i));
                    i++;
                }
                String s = name.toString().trim();
                name.setLength(0);
                name.append(s.toLowerCase(java.util.Locale.ROOT));
            }
            while (i < n && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            if (i < n && value.charAt(i) == ',') {
                i++;
            }
            if (!name.isEmpty()) {
                out.add(name.toString());
            }
        }
        return out;
    }
}
