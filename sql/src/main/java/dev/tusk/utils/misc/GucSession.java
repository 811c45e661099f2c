package dev.tusk.utils.misc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One session's settings (the per-backend half of guc.c): current values, the values RESET goes back to, and
 * the transactional stack that undoes SET at rollback and SET LOCAL at transaction end ({@code NewGUCNestLevel},
 * {@code AtEOXact_GUC}). Single-threaded like its session.
 *
 * <p>Rules, as PostgreSQL's: a SET inside a transaction that aborts (or a subtransaction rolled back to) is
 * undone; SET LOCAL lasts until the end of the current transaction; a SET after a SET LOCAL in the same
 * transaction wins and survives commit.
 */
public final class GucSession {
    /** One pg_settings / SHOW ALL row for a visible setting. */
    public record SettingRow(GucDef def, String setting, String shown, String source, String resetVal) {}

    private record Saved(String value, String sessionValue, String source) {}

    private final GucTable table;
    private final Map<String, String> value = new HashMap<>();
    private final Map<String, String> sessionValue = new HashMap<>();
    private final Map<String, String> resetValue = new HashMap<>();
    private final Map<String, String> source = new HashMap<>();
    private final Map<String, String> resetSource = new HashMap<>();
    private final Map<String, Supplier<String>> dynamic = new HashMap<>();
    private final Deque<Map<String, Saved>> frames = new ArrayDeque<>();
    private final Map<String, String> reported = new HashMap<>();
    private final Map<String, GucDef> placeholders = new HashMap<>();

    /** Settings start at their built-in defaults, then take the server's configuration file values. */
    public GucSession(GucTable table, Map<String, String> serverSettings) {
        this.table = table;
        for (GucDef d : table.all()) {
            put(d.name(), d.bootVal(), "default");
        }
        serverSettings.forEach((k, v) -> table.find(k).ifPresent(d -> {
            try {
                put(d.name(), GucValues.canonicalize(d, k, v), "configuration file");
            } catch (RuntimeException e) {
                // A bad configuration value keeps the default, as PostgreSQL does after logging it.
            }
        }));
    }

    private void put(String name, String v, String src) {
        value.put(name, v);
        sessionValue.put(name, v);
        resetValue.put(name, v);
        source.put(name, src);
        resetSource.put(name, src);
    }

    public GucTable table() {
        return table;
    }

    /**
     * find_option: a built-in setting, or a custom placeholder ({@code my.var}) — created on first SET, as
     * PostgreSQL does for names with a dot; 42704 otherwise.
     */
    public GucDef def(String name, boolean create) {
        java.util.Optional<GucDef> d = table.find(name);
        if (d.isPresent()) {
            return d.get();
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        GucDef p = placeholders.get(lower);
        if (p != null) {
            return p;
        }
        if (create && lower.indexOf('.') > 0 && !lower.endsWith(".")) {
            p = new GucDef(lower, GucType.STRING, "", GucContext.USERSET, "Customized Options", "", "", "", "",
                    List.of(), "", false, true, false);
            placeholders.put(lower, p);
            put(lower, "", "default");
            return p;
        }
        throw GucErrors.unrecognized(name);
    }

    /** Whether a setting (built-in or an existing placeholder) of this name exists. */
    public boolean exists(String name) {
        return table.find(name).isPresent() || placeholders.containsKey(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** A value computed when read (transaction_isolation, is_superuser, ...). */
    public void setDynamic(String name, Supplier<String> supplier) {
        dynamic.put(table.get(name).name(), supplier);
    }

    /** A value the server itself forces (server_version, is_superuser, session_authorization at startup). */
    public void setInternal(String name, String v) {
        put(table.get(name).name(), v, "override");
    }

    /** A StartupMessage option: becomes the session's value and its RESET value (source "client"). */
    public void setStartup(String name, String v) {
        GucDef d = table.get(name);
        if (d.context() == GucContext.INTERNAL) {
            throw GucErrors.cannotChange(d.name());
        }
        if (d.context() == GucContext.POSTMASTER) {
            throw GucErrors.cannotChangeWithoutRestart(d.name());
        }
        if (d.context() == GucContext.SIGHUP) {
            throw GucErrors.cannotChangeNow(d.name());
        }
        put(d.name(), GucValues.canonicalize(d, name, v), "client");
    }

    /** The current setting text (pg_settings.setting); 42704 for an unknown name. */
    public String get(String name) {
        GucDef d = def(name, false);
        Supplier<String> s = dynamic.get(d.name());
        return s != null ? s.get() : value.get(d.name());
    }

    /** SHOW's text (GetConfigOptionByName with units). */
    public String show(String name) {
        GucDef d = def(name, false);
        if (d.name().equals("archive_command") && get("archive_command").isEmpty() && !getBool("archive_mode")
                && !"always".equals(get("archive_mode"))) {
            return "(disabled)";
        }
        return GucValues.show(d, get(d.name()));
    }

    /**
     * SET / SET LOCAL / SET ... TO DEFAULT ({@code newValue} null) (set_config_option). The caller has already
     * checked that SET LOCAL is inside a transaction block; {@code superuser} decides SUSET settings.
     */
    public void set(String name, String newValue, boolean local, boolean superuser) {
        GucDef d = def(name, true);
        checkContext(d, superuser);
        String canonical = newValue == null ? resetValue.get(d.name()) : GucValues.canonicalize(d, name, newValue);
        String src = newValue == null ? resetSource.get(d.name()) : "session";
        remember(d.name());
        value.put(d.name(), canonical);
        source.put(d.name(), src);
        if (!local) {
            sessionValue.put(d.name(), canonical);
        }
    }

    /** Checks a SET without applying it (GUC_ACTION_SET dry run). */
    public String validate(String name, String newValue, boolean superuser) {
        GucDef d = def(name, true);
        checkContext(d, superuser);
        return GucValues.canonicalize(d, name, newValue);
    }

    /** RESET name. */
    public void reset(String name, boolean superuser) {
        set(name, null, false, superuser);
    }

    /** RESET ALL: every user-settable setting back to its reset value. */
    public void resetAll(boolean superuser) {
        for (GucDef d : table.all()) {
            if (d.context() == GucContext.USERSET || (d.context() == GucContext.SUSET && superuser)) {
                if (!value.get(d.name()).equals(resetValue.get(d.name()))) {
                    set(d.name(), null, false, superuser);
                }
            }
        }
    }

    private void checkContext(GucDef d, boolean superuser) {
        switch (d.context()) {
            case INTERNAL -> throw GucErrors.cannotChange(d.name());
            case POSTMASTER -> throw GucErrors.cannotChangeWithoutRestart(d.name());
            case SIGHUP -> throw GucErrors.cannotChangeNow(d.name());
            case BACKEND, SUPERUSER_BACKEND -> throw GucErrors.cannotSetAfterStart(d.name());
            case SUSET -> {
                if (!superuser) {
                    throw GucErrors.permissionDenied(d.name());
                }
            }
            case USERSET -> {
            }
        }
    }

    private void remember(String name) {
        Map<String, Saved> frame = frames.peek();
        if (frame != null && !frame.containsKey(name)) {
            frame.put(name, new Saved(value.get(name), sessionValue.get(name), source.get(name)));
        }
    }

    /** NewGUCNestLevel at transaction or subtransaction start. */
    public void pushLevel() {
        frames.push(new HashMap<>());
    }

    /** A subtransaction committed (RELEASE): its changes now belong to the enclosing level. */
    public void releaseLevel() {
        Map<String, Saved> top = frames.pop();
        Map<String, Saved> outer = frames.peek();
        if (outer != null) {
            top.forEach(outer::putIfAbsent);
        }
    }

    /** A (sub)transaction aborted: everything set at this level is undone. */
    public void abortLevel() {
        Map<String, Saved> top = frames.pop();
        top.forEach((name, saved) -> {
            value.put(name, saved.value());
            sessionValue.put(name, saved.sessionValue());
            source.put(name, saved.source());
        });
    }

    /** The top transaction committed: SET LOCAL values give way to the session values. */
    public void commitTop() {
        while (frames.size() > 1) {
            releaseLevel();
        }
        Map<String, Saved> top = frames.pop();
        top.keySet().forEach(name -> value.put(name, sessionValue.get(name)));
        if (!frames.isEmpty()) {
            throw new IllegalStateException("GUC nest level left over");
        }
    }

    /** The top transaction aborted: every level is undone. */
    public void abortTop() {
        while (!frames.isEmpty()) {
            abortLevel();
        }
    }

    /** Depth of the transactional stack (0 outside a transaction). */
    public int nestLevel() {
        return frames.size();
    }

    /** GUC_REPORT settings whose value changed since the last call (all of them on the first call). */
    public Map<String, String> drainReportChanges() {
        Map<String, String> changed = new LinkedHashMap<>();
        for (String name : GucTable.REPORTED.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList()) {
            String v = show(name);
            if (!v.equals(reported.get(name))) {
                reported.put(name, v);
                changed.put(name, v);
            }
        }
        return changed;
    }

    /** SHOW ALL and pg_settings: visible settings sorted by name. */
    public List<SettingRow> all() {
        List<SettingRow> rows = new ArrayList<>();
        for (GucDef d : table.all()) {
            if (d.noShowAll()) {
                continue;
            }
            String setting = get(d.name());
            rows.add(new SettingRow(d, setting, GucValues.show(d, setting), source.get(d.name()),
                    resetValue.get(d.name())));
        }
        return rows;
    }

    /** Convenience for boolean settings. */
    public boolean getBool(String name) {
        return "on".equals(get(name));
    }

    /** Convenience for integer settings (base units). */
    public long getLong(String name) {
        return Long.parseLong(get(name));
    }

    /** Lower-cased enum value. */
    public String getEnum(String name) {
        return get(name).toLowerCase(Locale.ROOT);
    }
}
