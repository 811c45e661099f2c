/**
 * PostgreSQL's data types (utils/adt): the type registry with PostgreSQL's OIDs
 * ({@link dev.tusk.utils.adt.TypeRegistry}, {@link dev.tusk.utils.adt.PgType}, {@link dev.tusk.utils.adt.TypeOids}),
 * text and binary I/O
 * ({@link dev.tusk.utils.adt.TypeIo}), typmods ({@link dev.tusk.utils.adt.Typmods}), casts and common-type selection
 * ({@link dev.tusk.utils.adt.Casts}), ordering and hashing ({@link dev.tusk.utils.adt.Comparisons}), the storage
 * mapping ({@link dev.tusk.utils.adt.StorageForms}) and the bodies of the built-in functions (one class per
 * family: MathFunctions/MathExtras, StringFunctions/ByteaFunctions, PatternFunctions/RegexpFunctions,
 * AggregateFunctions/StatisticAggregates, ...; each registers bodies by pg_proc.prosrc in BuiltinFunctions).
 *
 * <p>Value carriers (Java null is SQL NULL): bool Boolean; int2 Short; int4 Integer; int8 Long; float4 Float;
 * float8 Double; numeric {@link java.math.BigDecimal} (scale = display scale; NaN and ±Infinity are the
 * singletons {@link dev.tusk.utils.adt.NumericType#NaN}, {@code POSITIVE_INFINITY}, {@code NEGATIVE_INFINITY});
 * oid, xid, cid and the reg* types Integer (unsigned); text, varchar, bpchar (padded), name, "char", json, unknown
 * String; jsonb {@link dev.tusk.utils.adt.Jsonb}; bytea byte[]; date {@link java.time.LocalDate}; time
 * {@link java.time.LocalTime}; timetz {@link java.time.OffsetTime}; timestamp {@link java.time.LocalDateTime};
 * timestamptz {@link java.time.Instant} (±infinity = MAX/MIN of each); interval
 * {@link dev.tusk.utils.adt.Interval}; uuid {@link java.util.UUID}; arrays, int2vector and oidvector
 * {@link dev.tusk.utils.adt.ArrayValue}; anonymous records Object[].
 */
package dev.tusk.utils.adt;
