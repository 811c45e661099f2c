package dev.tusk.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configuration parameter Tusk reads (PostgreSQL's {@code config_generic} entries in {@code guc.c}):
 * its name, default as written in postgresql.conf, kind, base unit and range. {@link #parse} turns a
 * value as written ("128MB", "5min", "on") into the base-unit number, boolean or string, with
 * PostgreSQL's rules ({@code parse_int}, {@code parse_bool}, {@code convert_to_base_unit}) and messages.
 */
public record Guc(String name, String defaultValue, Kind kind, Unit unit, long min, long max,
        List<String> enumValues, String comment) {

    /** Value kinds. */
    public enum Kind {
        BOOL, INT, STRING, ENUM
    }

    /** Base units; a memory or time value without a unit is in the base unit. */
    public enum Unit {
        NONE(0), BYTES(1), KB(1024), BLOCKS(8192), MB(1024 * 1024),
        MS(1), S(1000), MIN(60_000);

        private final long scale;

        Unit(long scale) {
            this.scale = scale;
        }

        boolean isMemory() {
            return this == BYTES || this == KB || this == BLOCKS || this == MB;
        }

        boolean isTime() {
            return this == MS || this == S || this == MIN;
        }
    }

    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*([A-Za-z]*)");
    private static final Map<String, Double> MEMORY_UNITS = Map.of("B", 1.0, "kB", 1024.0, "MB", 1024.0 * 1024,
            "GB", 1024.0 * 1024 * 1024, "TB", 1024.0 * 1024 * 1024 * 1024);
    /** Milliseconds per time unit. */
    private static final Map<String, Double> TIME_UNITS = Map.of("us", 0.001, "ms", 1.0, "s", 1000.0,
            "min", 60_000.0, "h", 3_600_000.0, "d", 86_400_000.0);
    private static final int INT_MAX = Integer.MAX_VALUE;

    /** The parameters Tusk reads, in postgresql.conf order, with PostgreSQL 15's defaults and ranges. */
    public static final Map<String, Guc> TABLE = table(
            string("listen_addresses", "localhost", "what IP address(es) to listen on;"),
            integer("port", "5432", Unit.NONE, 1, 65535, "(change requires restart)"),
            integer("shared_buffers", "128MB", Unit.BLOCKS, 16, INT_MAX / 2, "min 128kB"),
            new Guc("synchronous_commit", "on", Kind.ENUM, Unit.NONE, 0, 0,
                    List.of("local", "remote_write", "remote_apply", "on", "off", "true", "false", "yes", "no", "1", "0"),
                    "synchronization level;"),
            bool("full_page_writes", "on", "recover from partial page writes"),
            integer("wal_buffers", "-1", Unit.BLOCKS, -1, 262143, "min 32kB, -1 sets based on shared_buffers"),
            integer("wal_writer_delay", "200ms", Unit.MS, 1, 10000, "1-10000 milliseconds"),
            integer("bgwriter_delay", "200ms", Unit.MS, 10, 10000, "10-10000ms between rounds"),
            integer("bgwriter_lru_maxpages", "100", Unit.NONE, 0, INT_MAX / 2, "max buffers written/round, 0 disables"),
            integer("checkpoint_timeout", "5min", Unit.S, 30, 86400, "range 30s-1d"),
            integer("max_wal_size", "1GB", Unit.MB, 2, INT_MAX, ""));

    private static Map<String, Guc> table(Guc... gucs) {
        Map<String, Guc> map = new LinkedHashMap<>();
        for (Guc g : gucs) {
            map.put(g.name(), g);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static Guc string(String name, String def, String comment) {
        return new Guc(name, def, Kind.STRING, Unit.NONE, 0, 0, List.of(), comment);
    }

    private static Guc bool(String name, String def, String comment) {
        return new Guc(name, def, Kind.BOOL, Unit.NONE, 0, 0, List.of(), comment);
    }

    private static Guc integer(String name, String def, Unit unit, long min, long max, String comment) {
        return new Guc(name, def, Kind.INT, unit, min, max, List.of(), comment);
    }

    /** The value in its Java form: Long (base units) for INT, Boolean for BOOL, String otherwise. */
    public Object parse(String value) {
        return switch (kind) {
            case BOOL -> parseBool(value).orElseThrow(() -> ServerErrors.requiresBoolean(name));
            case INT -> parseInt(value);
            case STRING -> value;
            case ENUM -> {
                String v = value.toLowerCase(Locale.ROOT);
                if (!enumValues.contains(v)) {
                    throw ServerErrors.invalidValue(name, value, "Available values: "
                            + String.join(", ", enumValues.subList(0, enumValues.indexOf("true"))) + ".");
                }
                yield v;
            }
        };
    }

    /** parse_bool, shared with SET (GucValues.parseBool). */
    static java.util.Optional<Boolean> parseBool(String value) {
        return java.util.Optional.ofNullable(dev.tusk.utils.misc.GucValues.parseBool(value));
    }

    /** parse_int with units: converts to the base unit, rounding as PostgreSQL does, then checks the range. */
    private long parseInt(String value) {
        Matcher m = NUMBER_WITH_UNIT.matcher(value.trim());
        if (!m.matches()) {
            throw ServerErrors.invalidValue(name, value, null);
        }
        double number = Double.parseDouble(m.group(1));
        String unitText = m.group(2);
        double base;
        if (unitText.isEmpty()) {
            if (m.group(1).contains(".") && unit == Unit.NONE) {
                throw ServerErrors.invalidValue(name, value, null);
            }
            base = number;
        } else if (unit.isMemory() && MEMORY_UNITS.containsKey(unitText)) {
            base = number * MEMORY_UNITS.get(unitText) / unit.scale;
        } else if (unit.isTime() && TIME_UNITS.containsKey(unitText)) {
            base = number * TIME_UNITS.get(unitText) / unit.scale;
        } else {
            throw ServerErrors.invalidValue(name, value,
                    unit.isMemory() ? ServerErrors.MEMORY_UNITS_HINT : unit.isTime() ? ServerErrors.TIME_UNITS_HINT : null);
        }
        double rounded = Math.rint(base);
        if (rounded < min || rounded > max) {
            String shown = unitText.isEmpty() ? m.group(1) : m.group(1) + " " + unitText;
            throw ServerErrors.outOfRange(name, shown.trim(), min, max);
        }
        return (long) rounded;
    }
}
