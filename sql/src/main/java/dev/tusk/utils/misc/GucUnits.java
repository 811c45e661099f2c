package dev.tusk.utils.misc;

import java.util.List;

/**
 * Memory and time units of integer and real settings (PostgreSQL's {@code memory_unit_conversion_table} and
 * {@code time_unit_conversion_table}): reading "64MB" into a setting's base unit and printing a base-unit value
 * with the largest unit that represents it exactly, as SHOW does.
 */
public final class GucUnits {
    private record Unit(String name, double size) {}

    private static final List<Unit> MEMORY = List.of(new Unit("TB", 1024.0 * 1024 * 1024 * 1024),
            new Unit("GB", 1024.0 * 1024 * 1024), new Unit("MB", 1024.0 * 1024), new Unit("kB", 1024), new Unit("B", 1));
    private static final List<Unit> TIME = List.of(new Unit("d", 86_400_000_000.0), new Unit("h", 3_600_000_000.0),
            new Unit("min", 60_000_000.0), new Unit("s", 1_000_000.0), new Unit("ms", 1000), new Unit("us", 1));

    private GucUnits() {
    }

    /** The size of a setting's base unit ("kB", "8kB", "ms", ...) in bytes or microseconds. */
    static double baseSize(String baseUnit) {
        return switch (baseUnit) {
            case "B" -> 1;
            case "kB" -> 1024;
            case "8kB" -> 8192;
            case "MB" -> 1024.0 * 1024;
            case "us" -> 1;
            case "ms" -> 1000;
            case "s" -> 1_000_000;
            case "min" -> 60_000_000;
            default -> throw new IllegalArgumentException("unknown base unit " + baseUnit);
        };
    }

    static boolean isMemory(String baseUnit) {
        return baseUnit.endsWith("B");
    }

    /** The multiplier from {@code unitName} to the base unit, or NaN when the unit is not valid for it. */
    static double factor(String baseUnit, String unitName) {
        for (Unit u : isMemory(baseUnit) ? MEMORY : TIME) {
            if (u.name.equals(unitName)) {
                return u.size / baseSize(baseUnit);
            }
        }
        return Double.NaN;
    }

    /** The HINT PostgreSQL gives for a bad unit. */
    static String validUnitsHint(String baseUnit) {
        return isMemory(baseUnit) ? "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\"."
                : "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".";
    }

    /** _ShowOption for an integer with a unit: "128MB", "5min", "0", "-1". */
    static String formatInt(long value, String baseUnit) {
        if (value <= 0) {
            return Long.toString(value);
        }
        double bytes = value * baseSize(baseUnit);
        for (Unit u : isMemory(baseUnit) ? MEMORY : TIME) {
            if (u.size < baseSize(baseUnit) && !baseUnit.equals("8kB")) {
                break;
            }
            double q = bytes / u.size;
            if (q == Math.rint(q)) {
                return (long) q + u.name;
            }
        }
        return value + baseUnit;
    }

    /** _ShowOption for a real with a unit. */
    static String formatReal(double value, String baseUnit) {
        if (value <= 0) {
            return GucValues.formatReal(value);
        }
        double abs = value * baseSize(baseUnit);
        for (Unit u : isMemory(baseUnit) ? MEMORY : TIME) {
            if (u.size < baseSize(baseUnit) && !baseUnit.equals("8kB")) {
                break;
            }
            double q = abs / u.size;
            if (q == Math.rint(q)) {
                return GucValues.formatReal(q) + u.name;
            }
        }
        return GucValues.formatReal(value) + baseUnit;
    }
}
