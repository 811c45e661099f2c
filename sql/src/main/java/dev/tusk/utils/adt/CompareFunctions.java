package dev.tusk.utils.adt;

import dev.tusk.utils.fmgr.FunctionContext;
import dev.tusk.utils.fmgr.FunctionImpl;
import dev.tusk.utils.fmgr.ImplTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * The comparison functions behind =, <>, <, <=, >, >= and the btree *cmp support functions, for every type
 * with a {@link TypeHandler}, including PostgreSQL's cross-type families (int2/int4/int8, float4/float8,
 * date/timestamp/timestamptz). One generic body serves all pg_proc rows named like {@code int48lt}.
 */
final class CompareFunctions {
    private CompareFunctions() {
    }

    private static final Set<Integer> COMPARABLE = Set.of(TypeOids.BOOL, TypeOids.INT2, TypeOids.INT4,
            TypeOids.INT8, TypeOids.OID, TypeOids.XID, TypeOids.CID, TypeOids.FLOAT4, TypeOids.FLOAT8,
            TypeOids.NUMERIC, TypeOids.TEXT, TypeOids.VARCHAR, TypeOids.BPCHAR, TypeOids.NAME, TypeOids.CHAR,
            TypeOids.BYTEA, TypeOids.DATE, TypeOids.TIME, TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ,
            TypeOids.INTERVAL, TypeOids.TIMETZ, TypeOids.UUID, TypeOids.JSONB, TypeOids.ANYARRAY, TypeOids.ANYENUM,
            TypeOids.OIDVECTOR, TypeOids.INT2VECTOR, TypeOids.REGPROC, TypeOids.REGCLASS, TypeOids.REGTYPE,
            TypeOids.RECORD);

    /** int48lt, date_lt_timestamp, nameeqtext: the comparison is at the end, between underscores, or inside. */
    private static final java.util.regex.Pattern COMPARE_NAME = java.util.regex.Pattern.compile(
            ".*?(?:(eq|ne|lt|le|gt|ge)|_(eq|ne|lt|le|gt|ge)_[a-z]+|(?:name|text)(eq|ne|lt|le|gt|ge)(?:name|text))");

    static void register(ImplTable t) {
        t.resolver(CompareFunctions::find);
    }

    private static FunctionImpl find(String name, String prosrc, List<Integer> args, int ret) {
        if (args.size() != 2 || !COMPARABLE.contains(args.get(0)) || !COMPARABLE.contains(args.get(1))) {
            return null;
        }
        if (ret == TypeOids.BOOL && prosrc.length() > 2) {
            java.util.regex.Matcher m = COMPARE_NAME.matcher(prosrc);
            if (!m.matches()) {
                return null;
            }
            String op = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            java.util.function.IntPredicate test = switch (op) {
                case "eq" -> c -> c == 0;
                case "ne" -> c -> c != 0;
                case "lt" -> c -> c < 0;
                case "le" -> c -> c <= 0;
                case "gt" -> c -> c > 0;
                case "ge" -> c -> c >= 0;
                default -> null;
            };
            if (test == null) {
                return null;
            }
            return (ctx, types, a) -> test.test(compare(ctx, types[0], a[0], types[1], a[1]));
        }
        if (ret == TypeOids.INT4 && prosrc.contains("cmp") && !prosrc.contains("sortsupport")) {
            return (ctx, types, a) -> Integer.signum(compare(ctx, types[0], a[0], types[1], a[1]));
        }
        if (ret == args.get(0) && args.get(0).equals(args.get(1))
                && (prosrc.endsWith("larger") || prosrc.endsWith("smaller"))) {
            boolean larger = prosrc.endsWith("larger");
            return (ctx, types, a) -> {
                int c = compare(ctx, types[0], a[0], types[1], a[1]);
                return larger ? (c >= 0 ? a[0] : a[1]) : (c <= 0 ? a[0] : a[1]);
            };
        }
        return null;
    }

    /** Compares two non-null values of possibly different (comparable) types. */
    static int compare(FunctionContext ctx, int ta, Object a, int tb, Object b) {
        if (ta == tb) {
            return Comparisons.compare(ta, a, b);
        }
        if (a instanceof ArrayValue av) {
            return Comparisons.compare(TypeRegistry.builtin().arrayOf(av.elementTypeOid()), a, b);
        }
        if ((a instanceof Short || a instanceof Integer || a instanceof Long)
                && (b instanceof Short || b instanceof Integer || b instanceof Long)
                && ta != TypeOids.OID && tb != TypeOids.OID) {
            return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        if ((a instanceof Float || a instanceof Double) && (b instanceof Float || b instanceof Double)) {
            return FloatTypes.compareDouble(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            return NumericType.compare(NumericType.toNumeric(a), NumericType.toNumeric(b));
        }
        if (isDateLike(a) && isDateLike(b)) {
            if (a instanceof Instant || b instanceof Instant) {
                return DateTimeTypes.toInstant(a, ctx.formats()).compareTo(DateTimeTypes.toInstant(b, ctx.formats()));
            }
            return DateTimeTypes.toLocalDateTime(a).compareTo(DateTimeTypes.toLocalDateTime(b));
        }
        if (a instanceof String && b instanceof String) {
            return TextTypes.compareUtf8(a.toString(), b.toString());
        }
        return Comparisons.compare(ta, a, b);
    }

    private static boolean isDateLike(Object o) {
        return o instanceof LocalDate || o instanceof LocalDateTime || o instanceof Instant;
    }
}
