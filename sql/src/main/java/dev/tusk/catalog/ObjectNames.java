package dev.tusk.catalog;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/** PostgreSQL's makeObjectName and ChooseRelationName (indexcmds.c): generated names like {@code t_a_key1}. */
final class ObjectNames {
    /** NAMEDATALEN - 1: longest identifier in bytes. */
    static final int MAX_IDENTIFIER = 63;

    private ObjectNames() {
    }

    /** ChooseRelationName: the first of {@code n1_n2_label}, {@code n1_n2_label1}, ... that is not taken. */
    static String choose(String name1, String name2, String label, Predicate<String> taken) {
        String mod = label;
        for (int pass = 1; ; pass++) {
            String name = make(name1, name2, mod);
            if (!taken.test(name)) {
                return name;
            }
            mod = label + pass;
        }
    }

    /** makeObjectName: shortens the longer of name1/name2 until the whole fits in 63 bytes. */
    static String make(String name1, String name2, String label) {
        int overhead = (label == null ? 0 : label.length() + 1) + (name2 == null ? 0 : 1);
        int avail = MAX_IDENTIFIER - overhead;
        int n1 = bytes(name1);
        int n2 = name2 == null ? 0 : bytes(name2);
        while (n1 + n2 > avail) {
            if (n1 > n2) {
                n1--;
            } else {
                n2--;
            }
        }
        StringBuilder sb = new StringBuilder(clip(name1, n1));
        if (name2 != null) {
            sb.append('_').append(clip(name2, n2));
        }
        if (label != null) {
            sb.append('_').append(label);
        }
        return sb.toString();
    }

    /** pg_mbcliplen: the longest prefix of at most {@code maxBytes} UTF-8 bytes that ends on a character. */
    static String clip(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxBytes) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
