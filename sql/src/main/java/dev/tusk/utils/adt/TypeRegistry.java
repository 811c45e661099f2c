package dev.tusk.utils.adt;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The types the server knows, by OID and by name (PostgreSQL's typcache + the grammar's type-name aliases).
 * Built-in rows come from {@link BuiltinTypes}; other modules may {@link #register} more (composite row types
 * of tables, for example). Thread-safe.
 */
public final class TypeRegistry {
    private static final TypeRegistry BUILTIN = new TypeRegistry(BuiltinTypes.ALL);

    /** SQL-standard spellings the grammar produces, mapped to pg_type names (as format_type reverses them). */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("integer", "int4"), Map.entry("int", "int4"), Map.entry("smallint", "int2"),
            Map.entry("bigint", "int8"), Map.entry("real", "float4"), Map.entry("float", "float8"),
            Map.entry("double precision", "float8"), Map.entry("boolean", "bool"),
            Map.entry("decimal", "numeric"), Map.entry("dec", "numeric"),
            Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
            Map.entry("character", "bpchar"), Map.entry("nchar", "bpchar"),
            Map.entry("national character", "bpchar"), Map.entry("national character varying", "varchar"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone",
                    "timestamptz"), Map.entry("time without time zone", "time"),
            Map.entry("time with time zone", "timetz"), Map.entry("\"char\"", "char"),
            Map.entry("serial", "int4"), Map.entry("serial4", "int4"), Map.entry("bigserial", "int8"),
            Map.entry("serial8", "int8"), Map.entry("smallserial", "int2"), Map.entry("serial2", "int2"));

    private final Map<Integer, PgType> byOid = new ConcurrentHashMap<>();
    private final Map<String, PgType> byName = new ConcurrentHashMap<>();

    private TypeRegistry(Collection<PgType> types) {
        types.forEach(this::register);
    }

    /** The process-wide registry holding the built-in types. */
    public static TypeRegistry builtin() {
        return BUILTIN;
    }

    /** Adds (or replaces) a type. */
    public void register(PgType type) {
        byOid.put(type.oid(), type);
        byName.put(type.name(), type);
    }

    /** All types, in OID order (to fill pg_type). */
    public List<PgType> all() {
        List<PgType> list = new ArrayList<>(byOid.values());
        list.sort((a, b) -> Integer.compareUnsigned(a.oid(), b.oid()));
        return list;
    }

    public Optional<PgType> byOid(int oid) {
        return Optional.ofNullable(byOid.get(oid));
    }

    /** The type with this OID; XX000 "cache lookup failed for type N" when unknown. */
    public PgType get(int oid) {
        PgType t = byOid.get(oid);
        if (t == null) {
            throw new TuskException(SqlState.INTERNAL_ERROR, "cache lookup failed for type " + oid);
        }
        return t;
    }

    /**
     * A type by name: pg_type names ({@code int4}, {@code _int4}), SQL spellings ({@code integer},
     * {@code character varying}, {@code double precision}, {@code timestamp with time zone}) and array suffixes
     * ({@code int4[]}, {@code integer[]}). Case-insensitive for unquoted spellings; an optional
     * {@code pg_catalog.} prefix is accepted.
     */
    public Optional<PgType> byName(String name) {
        String n = name.trim();
        if (n.startsWith("pg_catalog.")) {
            n = n.substring("pg_catalog.".length());
        }
        int arrayDims = 0;
        while (n.endsWith("[]")) {
            n = n.substring(0, n.length() - 2).trim();
            arrayDims++;
        }
        PgType t = byName.get(n);
        if (t == null) {
            String lower = n.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            String alias = ALIASES.get(lower);
            t = byName.get(alias != null ? alias : lower);
        }
        if (t == null || arrayDims == 0) {
            return Optional.ofNullable(t);
        }
        if (t.isArray()) {
            return Optional.of(t);
        }
        return t.typarray() == 0 ? Optional.empty() : byOid(t.typarray());
    }

    /** The array type over element type {@code elemOid}, or 0 if there is none. */
    public int arrayOf(int elemOid) {
        PgType t = byOid.get(elemOid);
        return t == null ? 0 : t.typarray();
    }

    /** The element type of array type {@code arrayOid}, or 0 if it is not an array type. */
    public int elementOf(int arrayOid) {
        PgType t = byOid.get(arrayOid);
        return t != null && t.isArray() ? t.typelem() : 0;
    }

    /**
     * get_element_type as polymorphic matching sees it: the element of a true array, and int2 / oid for int2vector /
     * oidvector (PostgreSQL gives them array subscripting, so {@code f(anyarray)} accepts pg_index.indkey); 0 else.
     */
    public int polymorphicElementOf(int typeOid) {
        return switch (typeOid) {
            case TypeOids.INT2VECTOR -> TypeOids.INT2;
            case TypeOids.OIDVECTOR -> TypeOids.OID;
            default -> elementOf(typeOid);
        };
    }

    /** typcategory of the type ('X' for unknown OIDs). */
    public char category(int oid) {
        PgType t = byOid.get(oid);
        return t == null ? 'X' : t.typcategory();
    }

    public boolean isPreferred(int oid) {
        PgType t = byOid.get(oid);
        return t != null && t.typispreferred();
    }
}
