package dev.tusk.catalog;

import static dev.tusk.utils.adt.TypeOids.INT2;
import static dev.tusk.utils.adt.TypeOids.INT4;
import static dev.tusk.utils.adt.TypeOids.OID;
import static dev.tusk.utils.adt.TypeOids.TEXT;

import dev.tusk.utils.adt.ArrayValue;
import dev.tusk.utils.adt.TypeNames;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.fmgr.FunctionDef;
import dev.tusk.utils.fmgr.FunctionImpl;
import dev.tusk.utils.fmgr.SetFunctionImpl;
import dev.tusk.utils.fmgr.Volatility;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The helper functions of information_schema.sql with Java bodies and PostgreSQL 15's OIDs (PostgreSQL defines
 * them in SQL; their results are the same): {@code _pg_expandarray}, which pgjdbc's DatabaseMetaData uses, and
 * the typmod decoders the columns view uses.
 */
final class InformationSchemaFunctions {
    /** {@code information_schema._pg_expandarray(anyarray, OUT x anyelement, OUT n int) RETURNS SETOF record}. */
    static final int PG_EXPANDARRAY = 13208;


    /** The OUT parameters of {@code _pg_expandarray}: names and types (anyelement = the array's element type). */
    static final List<String> EXPANDARRAY_OUT_NAMES = List.of("x", "n");
    static final List<Integer> EXPANDARRAY_OUT_TYPES = List.of(TypeOids.ANYELEMENT, INT4);

    private InformationSchemaFunctions() {
    }

    static List<FunctionDef> definitions() {
        List<FunctionDef> l = new ArrayList<>();
        l.add(new FunctionDef(PG_EXPANDARRAY, "_pg_expandarray", InformationSchema.NAMESPACE,
                List.of(TypeOids.ANYARRAY), 0, TypeOids.RECORD, true, true, Volatility.IMMUTABLE, "_pg_expandarray",
                null, expandArray(), null));
        l.add(fn(13209, "_pg_index_position", List.of(OID, INT2), Volatility.STABLE, (c, t, a) -> {
            Catalog cat = c.service(SessionCatalog.class) == null ? null
                    : c.service(SessionCatalog.class).catalog();
            IndexDesc i = cat == null ? null : cat.index(((Number) a[0]).intValue());
            if (i == null) {
                return null;
            }
            int pos = i.keyAttnums().indexOf(((Number) a[1]).intValue());
            return pos < 0 ? null : pos + 1;
        }));
        l.add(fn(13212, "_pg_char_max_length", List.of(OID, INT4), Volatility.IMMUTABLE,
                (c, t, a) -> charMaxLength(oid(a[0]), (Integer) a[1])));
        l.add(fn(13213, "_pg_char_octet_length", List.of(OID, INT4), Volatility.IMMUTABLE,
                (c, t, a) -> charOctetLength(oid(a[0]), (Integer) a[1])));
        l.add(fn(13215, "_pg_numeric_precision", List.of(OID, INT4), Volatility.IMMUTABLE,
                (c, t, a) -> numericPrecision(oid(a[0]), (Integer) a[1])));
        l.add(fn(13216, "_pg_numeric_precision_radix", List.of(OID, INT4), Volatility.IMMUTABLE,
                (c, t, a) -> numericPrecisionRadix(oid(a[0]))));
        l.add(fn(13217, "_pg_numeric_scale", List.of(OID, INT4), Volatility.IMMUTABLE,
                (c, t, a) -> numericScale(oid(a[0]), (Integer) a[1])));
        l.add(fn(13218, "_pg_datetime_precision", List.of(OID, INT4), Volatility.IMMUTABLE,
                (c, t, a) -> datetimePrecision(oid(a[0]), (Integer) a[1])));
        l.add(new FunctionDef(13219, "_pg_interval_type", InformationSchema.NAMESPACE, List.of(OID, INT4), 0, TEXT,
                false, true, Volatility.IMMUTABLE, "_pg_interval_type",
                (c, t, a) -> intervalType(oid(a[0]), (Integer) a[1]), null, null));
        return l;
    }

    private static FunctionDef fn(int oid, String name, List<Integer> args, Volatility v, FunctionImpl impl) {
        return new FunctionDef(oid, name, InformationSchema.NAMESPACE, args, 0, INT4, false, true, v, name, impl,
                null, null);
    }

    private static int oid(Object o) {
        return ((Number) o).intValue();
    }

    /** One row {x, n} per element, n counting from 1 (all Tusk arrays have lower bound 1). */
    private static SetFunctionImpl expandArray() {
        return (c, t, a) -> {
            List<Object> elements = ((ArrayValue) a[0]).elements();
            return new Iterator<>() {
                private int i;

                @Override
                public boolean hasNext() {
                    return i < elements.size();
                }

                @Override
                public Object next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Object[] row = {elements.get(i), i + 1};
                    i++;
                    return row;
                }
            };
        };
    }

    static Integer charMaxLength(int typid, int typmod) {
        if (typmod == -1) {
            return null;
        }
        if (typid == TypeOids.BPCHAR || typid == TypeOids.VARCHAR) {
            return typmod - 4;
        }
        if (typid == 1560 || typid == 1562) {
            return typmod;
        }
        return null;
    }

    /** Characters times the database encoding's maximum bytes per character (UTF8: 4); 2^30 when unbounded. */
    static Integer charOctetLength(int typid, int typmod) {
        if (typid != TEXT && typid != TypeOids.BPCHAR && typid != TypeOids.VARCHAR) {
            return null;
        }
        if (typmod == -1) {
            return 1 << 30;
        }
        Integer max = charMaxLength(typid, typmod);
        return max == null ? null : max * 4;
    }

    static Integer numericPrecision(int typid, int typmod) {
        return switch (typid) {
            case INT2 -> 16;
            case INT4 -> 32;
            case TypeOids.INT8 -> 64;
            case TypeOids.NUMERIC -> typmod == -1 ? null : ((typmod - 4) >> 16) & 65535;
            case TypeOids.FLOAT4 -> 24;
            case TypeOids.FLOAT8 -> 53;
            default -> null;
        };
    }

    static Integer numericPrecisionRadix(int typid) {
        return switch (typid) {
            case INT2, INT4, TypeOids.INT8, TypeOids.FLOAT4, TypeOids.FLOAT8 -> 2;
            case TypeOids.NUMERIC -> 10;
            default -> null;
        };
    }

    static Integer numericScale(int typid, int typmod) {
        return switch (typid) {
            case INT2, INT4, TypeOids.INT8 -> 0;
            case TypeOids.NUMERIC -> typmod == -1 ? null : (typmod - 4) & 65535;
            default -> null;
        };
    }

    static Integer datetimePrecision(int typid, int typmod) {
        return switch (typid) {
            case TypeOids.DATE -> 0;
            case TypeOids.TIME, TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ, 1266 -> typmod < 0 ? 6 : typmod;
            case TypeOids.INTERVAL -> typmod < 0 || (typmod & 65535) == 65535 ? 6 : typmod & 65535;
            default -> null;
        };
    }

    /** The fields part of an interval type ({@code YEAR TO MONTH}), null for plain interval and other types. */
    static String intervalType(int typid, int typmod) {
        if (typid != TypeOids.INTERVAL) {
            return null;
        }
        String s = TypeNames.format(typid, typmod);
        if (!s.startsWith("interval")) {
            return null;
        }
        int i = "interval".length();
        while (i < s.length() && "()0123456789".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != ' ') {
            return null;
        }
        return s.substring(i + 1).toUpperCase(java.util.Locale.ROOT);
    }
}
