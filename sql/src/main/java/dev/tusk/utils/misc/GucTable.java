package dev.tusk.utils.misc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * All settings the server knows (PostgreSQL's {@code ConfigureNames*} arrays in guc.c). The rows come from
 * {@code guc-table.tsv} (the facts PostgreSQL 15's pg_settings shows: names, types, units, contexts,
 * categories, descriptions, bounds, enum values, defaults), plus the few hidden settings and the flags that
 * pg_settings does not show. Immutable and shared by all sessions.
 */
public final class GucTable {
    /** The settings PostgreSQL 15 marks GUC_REPORT: sent as ParameterStatus at startup and on change. */
    public static final Set<String> REPORTED = Set.of("application_name", "client_encoding", "DateStyle",
            "default_transaction_read_only", "in_hot_standby", "integer_datetimes", "IntervalStyle", "is_superuser",
            "server_encoding", "server_version", "session_authorization", "standard_conforming_strings", "TimeZone");

    private static final Set<String> LIST_QUOTE = Set.of("search_path", "temp_tablespaces",
            "session_preload_libraries", "shared_preload_libraries", "local_preload_libraries");

    private static final GucTable INSTANCE = load();

    private final Map<String, GucDef> byLowerName;
    private final List<GucDef> sorted;

    private GucTable(List<GucDef> defs) {
        Map<String, GucDef> map = new LinkedHashMap<>();
        for (GucDef d : defs) {
            map.put(d.name().toLowerCase(Locale.ROOT), d);
        }
        this.byLowerName = Collections.unmodifiableMap(map);
        List<GucDef> list = new ArrayList<>(defs);
        list.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        this.sorted = List.copyOf(list);
    }

    public static GucTable instance() {
        return INSTANCE;
    }

    /** find_option: case-insensitive lookup. */
    public Optional<GucDef> find(String name) {
        return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The definition, or 42704 "unrecognized configuration parameter". */
    public GucDef get(String name) {
        return find(name).orElseThrow(() -> GucErrors.unrecognized(name));
    }

    /** All settings sorted by name case-insensitively (SHOW ALL's order). */
    public List<GucDef> all() {
        return sorted;
    }

    private static GucTable load() {
        List<GucDef> defs = new ArrayList<>();
        try (InputStream in = GucTable.class.getResourceAsStream("guc-table.tsv")) {
            if (in == null) {
                throw new IllegalStateException("guc-table.tsv missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String name = f[0];
                List<String> enums = f[9].isEmpty() ? List.of() : Arrays.asList(f[9].split(","));
                defs.add(new GucDef(name, GucType.fromDisplayName(f[1]), f[2], GucContext.fromDisplayName(f[3]), f[4],
                        f[5], f[6], f[7], f[8], enums, f[10], REPORTED.contains(name), false,
                        LIST_QUOTE.contains(name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        defs.add(hidden("is_superuser", GucType.BOOL, GucContext.INTERNAL,
                "Shows whether the current user is a superuser.", "off"));
        defs.add(hidden("session_authorization", GucType.STRING, GucContext.USERSET,
                "Sets the session user name.", ""));
        defs.add(hidden("role", GucType.STRING, GucContext.USERSET, "Sets the current role.", "none"));
        defs.add(hidden("seed", GucType.REAL, GucContext.USERSET,
                "Sets the seed for random-number generation.", "0"));
        return new GucTable(defs);
    }

    private static GucDef hidden(String name, GucType type, GucContext context, String desc, String boot) {
        return new GucDef(name, type, "", context, "Ungrouped", desc, "", type == GucType.REAL ? "-1" : "",
                type == GucType.REAL ? "1" : "", List.of(), boot, REPORTED.contains(name), true, false);
    }
}
