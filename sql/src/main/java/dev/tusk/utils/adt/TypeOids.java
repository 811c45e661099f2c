package dev.tusk.utils.adt;

/** PostgreSQL's built-in type OIDs (pg_type_d.h), as constants for code that names a type. */
public final class TypeOids {
    private TypeOids() {
    }

    public static final int INVALID = 0;
    public static final int BOOL = 16;
    public static final int BYTEA = 17;
    public static final int CHAR = 18;
    public static final int NAME = 19;
    public static final int INT8 = 20;
    public static final int INT2 = 21;
    public static final int INT2VECTOR = 22;
    public static final int INT4 = 23;
    public static final int REGPROC = 24;
    public static final int TEXT = 25;
    public static final int OID = 26;
    public static final int TID = 27;
    public static final int XID = 28;
    public static final int CID = 29;
    public static final int OIDVECTOR = 30;
    public static final int JSON = 114;
    public static final int PG_NODE_TREE = 194;
    public static final int FLOAT4 = 700;
    public static final int FLOAT8 = 701;
    public static final int UNKNOWN = 705;
    public static final int ACLITEM = 1033;
    public static final int BPCHAR = 1042;
    public static final int VARCHAR = 1043;
    public static final int DATE = 1082;
    public static final int TIME = 1083;
    public static final int TIMESTAMP = 1114;
    public static final int TIMESTAMPTZ = 1184;
    public static final int INTERVAL = 1186;
    public static final int TIMETZ = 1266;
    public static final int NUMERIC = 1700;
    public static final int REGPROCEDURE = 2202;
    public static final int REGOPER = 2203;
    public static final int REGOPERATOR = 2204;
    public static final int REGCLASS = 2205;
    public static final int REGTYPE = 2206;
    public static final int RECORD = 2249;
    public static final int CSTRING = 2275;
    public static final int ANY = 2276;
    public static final int ANYARRAY = 2277;
    public static final int VOID = 2278;
    public static final int TRIGGER = 2279;
    public static final int INTERNAL = 2281;
    public static final int ANYELEMENT = 2283;
    public static final int ANYNONARRAY = 2776;
    public static final int UUID = 2950;
    public static final int JSONB = 3802;
    public static final int ANYENUM = 3500;
    public static final int REGNAMESPACE = 4089;
    public static final int REGROLE = 4096;
    public static final int XID8 = 5069;
    public static final int ANYCOMPATIBLE = 5077;
    public static final int ANYCOMPATIBLEARRAY = 5078;
    public static final int ANYCOMPATIBLENONARRAY = 5079;

    public static final int BOOL_ARRAY = 1000;
    public static final int INT2_ARRAY = 1005;
    public static final int INT4_ARRAY = 1007;
    public static final int TEXT_ARRAY = 1009;
    public static final int INT8_ARRAY = 1016;
    public static final int FLOAT4_ARRAY = 1021;
    public static final int FLOAT8_ARRAY = 1022;
    public static final int OID_ARRAY = 1028;
    public static final int VARCHAR_ARRAY = 1015;
    public static final int NUMERIC_ARRAY = 1231;
    public static final int NAME_ARRAY = 1003;
    public static final int CHAR_ARRAY = 1002;
    public static final int ACLITEM_ARRAY = 1034;
    public static final int RECORD_ARRAY = 2287;

    /** anyelement, anyarray, anynonarray, anyenum and the anycompatible family. */
    public static boolean isPolymorphic(int oid) {
        return oid == ANYELEMENT || oid == ANYARRAY || oid == ANYNONARRAY || oid == ANYENUM
                || oid == ANYCOMPATIBLE || oid == ANYCOMPATIBLEARRAY || oid == ANYCOMPATIBLENONARRAY;
    }

    /** The reg* OID-alias types (their values are Integer OIDs shown as names). */
    public static boolean isRegType(int oid) {
        return oid == REGPROC || oid == REGPROCEDURE || oid == REGOPER || oid == REGOPERATOR || oid == REGCLASS
                || oid == REGTYPE || oid == REGNAMESPACE || oid == REGROLE;
    }
}
