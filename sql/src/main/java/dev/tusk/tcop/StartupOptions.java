package dev.tusk.tcop;

import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.misc.GucSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * StartupMessage options as settings (process_startup_options): every key but user, database and replication
 * is a setting; {@code options} holds command-line style {@code -c name=value} / {@code --name=value} switches.
 * A bad one ends the connection attempt with a FATAL error.
 */
final class StartupOptions {
    private StartupOptions() {
    }

    static void apply(GucSession gucs, Map<String, String> options) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey();
            switch (key) {
                case "user", "database", "replication" -> {
                }
                case "options" -> {
                    for (String[] kv : switches(e.getValue())) {
                        set(gucs, kv[0], kv[1]);
                    }
                }
                default -> set(gucs, key, e.getValue());
            }
        }
    }

    private static void set(GucSession gucs, String name, String value) {
        try {
            gucs.setStartup(name.replace('-', '_'), value);
        } catch (TuskException e) {
            throw TuskSession.asFatal(e);
        }
    }

    /** pg_split_opts plus the -c / -- parsing of process_postgres_switches (backslash escapes spaces). */
    static List<String[]> switches(String options) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < options.length(); i++) {
            char c = options.charAt(i);
            if (c == '\\' && i + 1 < options.length()) {
                cur.append(options.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (!cur.isEmpty()) {
                    words.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) {
            words.add(cur.toString());
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String kv = null;
            if (w.equals("-c") && i + 1 < words.size()) {
                kv = words.get(++i);
            } else if (w.startsWith("-c")) {
                kv = w.substring(2);
            } else if (w.startsWith("--")) {
                kv = w.substring(2);
            }
            if (kv != null) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    out.add(new String[] {kv.substring(0, eq), kv.substring(eq + 1)});
                }
            }
        }
        return out;
    }
}
