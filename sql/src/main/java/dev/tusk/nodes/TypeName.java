package dev.tusk.nodes;

import java.util.List;

/**
 * A type name (PostgreSQL's {@code TypeName}). SQL-standard spellings are mapped the way PostgreSQL's grammar
 * maps them, to {@code pg_catalog}-qualified internal names: integer/int/int4 keyword -> ["pg_catalog","int4"],
 * smallint -> int2, bigint -> int8, real -> float4, float/double precision -> float8 (float(p) picks float4 for
 * p&lt;=24), decimal/numeric -> numeric, boolean -> bool, character varying/varchar -> varchar, character/char
 * -> bpchar (with typmod 1 when no length is given, as PostgreSQL does), bit -> bit, timestamp [without time
 * zone] -> timestamp, timestamp with time zone -> timestamptz, time [without time zone] -> time, time with time
 * zone -> timetz, interval -> interval. Any other name (text, date, json, serial, my_type, s.t) is kept as
 * written (lowercased), unqualified unless the user qualified it.
 * <p>{@code typmods} are the raw modifier expressions (usually integer {@link AConst}s; for interval fields the
 * first is the INTERVAL_MASK bitmask as PostgreSQL encodes it, see {@link #INTERVAL_FULL_RANGE}).
 * {@code arrayBounds} has one entry per {@code []} (-1 when no bound given); {@code int ARRAY} gives [-1].
 * {@code pctType} is {@code name%TYPE}; {@code setof} is SETOF.
 */
public record TypeName(List<String> names, List<Expr> typmods, List<Integer> arrayBounds, boolean setof,
        boolean pctType, int location) implements Node {
    public TypeName {
        names = List.copyOf(names);
        typmods = List.copyOf(typmods);
        arrayBounds = List.copyOf(arrayBounds);
    }

    /** datetime.h field numbers used in interval typmod masks (INTERVAL_MASK(b) = 1 &lt;&lt; b). */
    public static final int MONTH = 1;
    public static final int YEAR = 2;
    public static final int DAY = 3;
    public static final int HOUR = 10;
    public static final int MINUTE = 11;
    public static final int SECOND = 12;
    public static final int INTERVAL_FULL_RANGE = 0x7FFF;
    public static final int INTERVAL_FULL_PRECISION = 0xFFFF;

    /** A type of the given dotted name with no modifiers. */
    public static TypeName of(List<String> names, int location) {
        return new TypeName(names, List.of(), List.of(), false, false, location);
    }

    /** A pg_catalog-qualified built-in type (PostgreSQL's {@code SystemTypeName}). */
    public static TypeName system(String name, int location) {
        return of(List.of("pg_catalog", name), location);
    }

    /** The type's own name without schema qualification. */
    public String simpleName() {
        return names.get(names.size() - 1);
    }

    public boolean isArray() {
        return !arrayBounds.isEmpty();
    }

    /** This type with one more array dimension. */
    public TypeName withArrayBound(int bound) {
        var b = new java.util.ArrayList<>(arrayBounds);
        b.add(bound);
        return new TypeName(names, typmods, b, setof, pctType, location);
    }
}
