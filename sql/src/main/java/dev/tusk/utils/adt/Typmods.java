package dev.tusk.utils.adt;

/**
 * Type modifiers as PostgreSQL encodes them in atttypmod: varchar(n)/char(n) n + 4 (VARHDRSZ); numeric(p,s)
 * ((p &lt;&lt; 16) | s) + 4; time/timestamp/interval precision p as is (interval field masks are not kept).
 */
public final class Typmods {
    private Typmods() {
    }

    public static final int VARHDRSZ = 4;

    /** The typmod for the given type and declared modifiers (typmodin), validating them like PostgreSQL. */
    public static int fromDeclared(int typeOid, int... mods) {
        if (mods.length == 0) {
            return -1;
        }
        switch (typeOid) {
            case TypeOids.VARCHAR, TypeOids.BPCHAR -> {
                String tn = typeOid == TypeOids.VARCHAR ? "varchar" : "char";
                if (mods.length != 1) {
                    throw AdtErrors.invalidParameter("invalid type modifier");
                }
                if (mods[0] < 1) {
                    throw AdtErrors.invalidParameter("length for type " + tn + " must be at least 1");
                }
                if (mods[0] > 10485760) {
                    throw AdtErrors.invalidParameter("length for type " + tn + " cannot exceed 10485760");
                }
                return mods[0] + VARHDRSZ;
            }
            case TypeOids.NUMERIC -> {
                int p = mods[0];
                int s = mods.length > 1 ? mods[1] : 0;
                if (p < 1 || p > 1000) {
                    throw AdtErrors.invalidParameter("NUMERIC precision " + p + " must be between 1 and 1000");
                }
                if (s < -1000 || s > 1000) {
                    throw AdtErrors.invalidParameter("NUMERIC scale " + s + " must be between -1000 and 1000");
                }
                return ((p << 16) | (s & 0x7ff)) + VARHDRSZ;
            }
            case TypeOids.TIME, TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ, TypeOids.TIMETZ -> {
                int p = mods[mods.length - 1];
                if (p < 0) {
                    throw AdtErrors.invalidParameter("TIMESTAMP(" + p + ") precision must not be negative");
                }
                return Math.min(p, 6);
            }
            case TypeOids.INTERVAL -> {
                int p = mods[mods.length - 1];
                if (p < 0) {
                    throw AdtErrors.invalidParameter("INTERVAL(" + p + ") precision must not be negative");
                }
                // INTERVAL_TYPMOD(precision, INTERVAL_FULL_RANGE), as intervaltypmodin stores it
                return (0x7FFF << 16) | Math.min(p, 6);
            }
            default -> throw AdtErrors.invalidParameter("type modifier is not allowed for type \""
                    + TypeNames.format(typeOid) + "\"");
        }
    }

    /** numeric precision from a typmod, or -1. */
    public static int numericPrecision(int typmod) {
        return typmod < VARHDRSZ ? -1 : ((typmod - VARHDRSZ) >> 16) & 0xffff;
    }

    /** numeric scale from a typmod (sign-extended 11 bits), or -1 when no typmod. */
    public static int numericScale(int typmod) {
        if (typmod < VARHDRSZ) {
            return -1;
        }
        int s = (typmod - VARHDRSZ) & 0x7ff;
        return (s ^ 1024) - 1024;
    }

    /** The fractional-seconds precision of an interval typmod, or -1 when it has none. */
    public static int intervalPrecision(int typmod) {
        if (typmod < 0) {
            return -1;
        }
        int p = typmod & 0xFFFF;
        return p == 0xFFFF ? -1 : p;
    }

    /** The "(…)" part format_type shows, or "". */
    public static String display(int typeOid, int typmod) {
        if (typmod < 0) {
            return "";
        }
        return switch (typeOid) {
            case TypeOids.VARCHAR, TypeOids.BPCHAR -> "(" + (typmod - VARHDRSZ) + ")";
            case TypeOids.NUMERIC -> "(" + numericPrecision(typmod) + "," + numericScale(typmod) + ")";
            case TypeOids.TIME, TypeOids.TIMETZ, TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ ->
                    "(" + typmod + ")";
            case TypeOids.INTERVAL -> intervalPrecision(typmod) < 0 ? "" : "(" + intervalPrecision(typmod) + ")";
            default -> "";
        };
    }
}
