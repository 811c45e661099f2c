package dev.tusk.utils.adt;

/**
 * Type names as PostgreSQL prints them in messages and in format_type (format_type_extended for built-in types):
 * {@code integer}, {@code character varying(3)}, {@code timestamp with time zone}, {@code integer[]}.
 */
public final class TypeNames {
    private TypeNames() {
    }

    /** format_type(oid, NULL): without typmod. */
    public static String format(int typeOid) {
        return format(typeOid, -1);
    }

    /** format_type(oid, typmod). Unknown OIDs print as {@code ???}, like PostgreSQL. */
    public static String format(int typeOid, int typmod) {
        TypeRegistry reg = TypeRegistry.builtin();
        PgType t = reg.byOid(typeOid).orElse(null);
        if (t == null) {
            return "???";
        }
        if (t.isArray()) {
            return format(t.typelem(), typmod) + "[]";
        }
        String mod = Typmods.display(typeOid, typmod);
        return switch (typeOid) {
            case TypeOids.BOOL -> "boolean";
            case TypeOids.INT2 -> "smallint";
            case TypeOids.INT4 -> "integer";
            case TypeOids.INT8 -> "bigint";
            case TypeOids.FLOAT4 -> "real";
            case TypeOids.FLOAT8 -> "double precision";
            case TypeOids.NUMERIC -> "numeric" + mod;
            case TypeOids.VARCHAR -> "character varying" + mod;
            case TypeOids.BPCHAR -> typmod < 0 ? "bpchar" : "character" + mod;
            case TypeOids.CHAR -> "\"char\"";
            case TypeOids.TIME -> "time" + mod + " without time zone";
            case TypeOids.TIMETZ -> "time" + mod + " with time zone";
            case TypeOids.TIMESTAMP -> "timestamp" + mod + " without time zone";
            case TypeOids.TIMESTAMPTZ -> "timestamp" + mod + " with time zone";
            case TypeOids.INTERVAL -> "interval" + mod;
            case TypeOids.ANY -> "\"any\"";
            default -> t.name() + mod;
        };
    }
}
