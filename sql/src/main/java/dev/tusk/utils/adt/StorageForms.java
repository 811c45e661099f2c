package dev.tusk.utils.adt;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.NumericSpecial;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * How each SQL type is stored by the access methods: the {@link AttrType} of its column and the conversion
 * between the SQL carrier and the storage carrier. Order-preserving wherever an index may use it: date as INT4
 * days, time/timestamp/timestamptz as INT8 microseconds (PostgreSQL's own representations), oid-like types as
 * OID; numeric as NUMERIC (BigDecimal, NaN as {@link NumericSpecial#NAN}); uuid/interval/arrays/jsonb as BYTEA
 * in their binary send form (uuid's is order-preserving).
 */
public final class StorageForms {
    private StorageForms() {
    }

    /** The storage type of a column of {@code typeOid}. */
    public static AttrType attrType(int typeOid) {
        return switch (typeOid) {
            case TypeOids.BOOL -> AttrType.BOOL;
            case TypeOids.INT2 -> AttrType.INT2;
            case TypeOids.INT4, TypeOids.DATE -> AttrType.INT4;
            case TypeOids.INT8, TypeOids.TIME, TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ -> AttrType.INT8;
            case TypeOids.FLOAT4 -> AttrType.FLOAT4;
            case TypeOids.FLOAT8 -> AttrType.FLOAT8;
            case TypeOids.NUMERIC -> AttrType.NUMERIC;
            case TypeOids.OID, TypeOids.XID, TypeOids.CID, TypeOids.REGPROC, TypeOids.REGPROCEDURE,
                    TypeOids.REGOPER, TypeOids.REGOPERATOR, TypeOids.REGCLASS, TypeOids.REGTYPE,
                    TypeOids.REGNAMESPACE, TypeOids.REGROLE -> AttrType.OID;
            case TypeOids.BYTEA, TypeOids.UUID, TypeOids.INTERVAL, TypeOids.JSONB, TypeOids.TIMETZ -> AttrType.BYTEA;
            case TypeOids.TEXT, TypeOids.VARCHAR, TypeOids.BPCHAR, TypeOids.NAME, TypeOids.JSON -> AttrType.TEXT;
            default -> TypeRegistry.builtin().elementOf(typeOid) != 0 || typeOid == TypeOids.INT2VECTOR
                    || typeOid == TypeOids.OIDVECTOR ? AttrType.BYTEA : AttrType.TEXT;
        };
    }

    /** SQL carrier to storage carrier (null stays null). */
    public static Object toStorage(int typeOid, Object value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case LocalDate d -> DateTimeTypes.dateToDays(d);
            case LocalTime t -> DateTimeTypes.timeToMicros(t);
            case LocalDateTime ts -> DateTimeTypes.timestampToMicros(ts);
            case Instant i -> DateTimeTypes.instantToMicros(i);
            case BigDecimal n -> n == NumericType.NaN ? NumericSpecial.NAN
                    : n == NumericType.POSITIVE_INFINITY ? NumericSpecial.POSITIVE_INFINITY
                    : n == NumericType.NEGATIVE_INFINITY ? NumericSpecial.NEGATIVE_INFINITY : n;
            default -> switch (attrType(typeOid)) {
                case BYTEA -> value instanceof byte[] b && typeOid == TypeOids.BYTEA ? b
                        : TypeIo.binaryOut(typeOid, value, SessionFormats.DEFAULT);
                case TEXT -> value instanceof String s ? s : TypeIo.textOut(typeOid, value, SessionFormats.DEFAULT);
                default -> value;
            };
        };
    }

    /** Storage carrier back to the SQL carrier. */
    public static Object fromStorage(int typeOid, Object stored) {
        if (stored == null) {
            return null;
        }
        return switch (typeOid) {
            // Stored as themselves; the common case of every scanned row, so no lookup below.
            case TypeOids.BOOL, TypeOids.INT2, TypeOids.INT4, TypeOids.INT8, TypeOids.FLOAT4, TypeOids.FLOAT8,
                    TypeOids.TEXT, TypeOids.VARCHAR, TypeOids.BPCHAR, TypeOids.NAME, TypeOids.JSON, TypeOids.OID,
                    TypeOids.BYTEA -> stored;
            case TypeOids.DATE -> DateTimeTypes.daysToDate((Integer) stored);
            case TypeOids.TIME -> DateTimeTypes.microsToTime((Long) stored);
            case TypeOids.TIMESTAMP -> DateTimeTypes.microsToTimestamp((Long) stored);
            case TypeOids.TIMESTAMPTZ -> DateTimeTypes.microsToInstant((Long) stored);
            case TypeOids.NUMERIC -> switch (stored) {
                case BigDecimal d -> d;
                case NumericSpecial sp -> switch (sp) {
                    case NAN -> NumericType.NaN;
                    case POSITIVE_INFINITY -> NumericType.POSITIVE_INFINITY;
                    case NEGATIVE_INFINITY -> NumericType.NEGATIVE_INFINITY;
                };
                case String text -> NumericType.parse(text);
                default -> throw new IllegalArgumentException("not a numeric: " + stored);
            };
            default -> switch (attrType(typeOid)) {
                case BYTEA -> TypeIo.binaryIn(typeOid, (byte[]) stored, -1, SessionFormats.DEFAULT);
                case TEXT -> TypeIo.textIn(typeOid, (String) stored, -1, SessionFormats.DEFAULT);
                default -> stored;
            };
        };
    }
}
