package dev.tusk.utils.adt;

/** Which {@link TypeHandler} serves a type OID. */
final class TypeHandlers {
    private TypeHandlers() {
    }

    static TypeHandler of(int typeOid) {
        return switch (typeOid) {
            case TypeOids.BOOL -> BoolType.INSTANCE;
            case TypeOids.INT2, TypeOids.INT4, TypeOids.INT8, TypeOids.OID, TypeOids.XID, TypeOids.CID ->
                    IntTypes.INSTANCE;
            case TypeOids.NUMERIC -> NumericType.INSTANCE;
            case TypeOids.FLOAT4, TypeOids.FLOAT8 -> FloatTypes.INSTANCE;
            case TypeOids.DATE, TypeOids.TIME, TypeOids.TIMESTAMP, TypeOids.TIMESTAMPTZ -> DateTimeTypes.INSTANCE;
            case TypeOids.BYTEA -> ByteaType.INSTANCE;
            case TypeOids.TIMETZ -> TimeTzType.INSTANCE;
            case TypeOids.RECORD -> RecordType.INSTANCE;
            case TypeOids.UUID -> UuidType.INSTANCE;
            case TypeOids.INTERVAL -> IntervalType.INSTANCE;
            case TypeOids.JSON, TypeOids.JSONB -> JsonTypes.INSTANCE;
            case TypeOids.INT2VECTOR, TypeOids.OIDVECTOR -> ArrayType.INSTANCE;
            case TypeOids.REGCLASS, TypeOids.REGTYPE, TypeOids.REGPROC, TypeOids.REGPROCEDURE, TypeOids.REGNAMESPACE,
                    TypeOids.REGROLE, TypeOids.REGOPER, TypeOids.REGOPERATOR -> RegTypes.INSTANCE;
            default -> TypeRegistry.builtin().elementOf(typeOid) != 0 ? ArrayType.INSTANCE : TextTypes.INSTANCE;
        };
    }
}
