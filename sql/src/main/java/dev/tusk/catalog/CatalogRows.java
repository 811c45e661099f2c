package dev.tusk.catalog;

import static dev.tusk.catalog.CatalogTables.*;

import dev.tusk.utils.adt.PgType;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.adt.TypeRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Builders of the catalog rows Tusk writes (the {@code Form_pg_*} fills of heap.c, index.c, initdb). */
final class CatalogRows {
    /** HEAP_TABLE_AM_OID. */
    static final int HEAP_AM = 2;
    /** BTREE_AM_OID. */
    static final int BTREE_AM = 403;
    /** DEFAULT_COLLATION_OID. */
    static final int DEFAULT_COLLATION = 100;
    /** C_COLLATION_OID (name columns). */
    static final int C_COLLATION = 950;
    /** F_ARRAY_SUBSCRIPT_HANDLER, F_RAW_ARRAY_SUBSCRIPT_HANDLER (pg_type.typsubscript). */
    static final int ARRAY_SUBSCRIPT_HANDLER = 6179;
    static final int RAW_ARRAY_SUBSCRIPT_HANDLER = 6180;
    /** INTERNALlanguageId. */
    static final int INTERNAL_LANGUAGE = 12;

    private CatalogRows() {
    }

    static CatalogRow pgClass(int oid, String name, int nspOid, int ownerOid, char relkind, int relam, int relfilenode,
            int tablespace, int natts, boolean shared, char persistence) {
        return CatalogRow.create(PG_CLASS).set("oid", oid).set("relname", name).set("relnamespace", nspOid)
                .set("relowner", ownerOid).set("relam", relam).set("relfilenode", relfilenode)
                .set("reltablespace", tablespace).set("relpages", 0).set("reltuples", -1f)
                .set("relisshared", shared).setChar("relpersistence", persistence).setChar("relkind", relkind)
                .set("relnatts", (short) natts).set("relispopulated", true)
                .setChar("relreplident", relkind == 'r' ? 'd' : 'n')
                .set("relfrozenxid", relkind == 'r' || relkind == 'S' ? 3 : 0).set("relminmxid", relkind == 'r'
                        || relkind == 'S' ? 1 : 0);
    }

    /** The default attcollation of a column of type {@code typeOid}. */
    static int defaultCollation(int typeOid) {
        TypeRegistry reg = TypeRegistry.builtin();
        PgType t = reg.byOid(typeOid).orElse(null);
        if (t == null) {
            return 0;
        }
        int base = t.isArray() ? t.typelem() : t.oid();
        if (base == TypeOids.NAME) {
            return C_COLLATION;
        }
        return base == TypeOids.TEXT || base == TypeOids.VARCHAR || base == TypeOids.BPCHAR ? DEFAULT_COLLATION : 0;
    }

    static CatalogRow pgAttribute(int relOid, int attnum, String name, int typeOid, int typmod, boolean notNull,
            boolean hasDefault, char identity, char generated, int collation) {
        PgType t = TypeRegistry.builtin().byOid(typeOid).orElse(null);
        int typlen = t == null ? -1 : t.typlen();
        boolean byval = t != null && t.typbyval();
        char align = t == null ? 'i' : t.typalign();
        char storage = t == null ? 'x' : t.typstorage();
        return CatalogRow.create(PG_ATTRIBUTE).set("attrelid", relOid).set("attname", name).set("atttypid", typeOid)
                .set("attstattarget", -1).set("attlen", (short) typlen).set("attnum", (short) attnum)
                .set("attndims", t != null && t.isArray() ? 1 : 0).set("attcacheoff", -1).set("atttypmod", typmod)
                .set("attbyval", byval).setChar("attalign", align).setChar("attstorage", storage)
                .set("attcompression", "").set("attnotnull", notNull).set("atthasdef", hasDefault)
                .set("attidentity", identity == '\0' ? "" : String.valueOf(identity))
                .set("attgenerated", generated == '\0' ? "" : String.valueOf(generated))
                .set("attislocal", true).set("attcollation", collation < 0 ? defaultCollation(typeOid) : collation);
    }

    static CatalogRow pgType(PgType t, int typrelid) {
        return CatalogRow.create(PG_TYPE).set("oid", t.oid()).set("typname", t.name())
                .set("typnamespace", NamespaceDesc.PG_CATALOG).set("typowner", RoleDesc.BOOTSTRAP_SUPERUSER)
                .set("typlen", (short) t.typlen()).set("typbyval", t.typbyval()).setChar("typtype", t.typtype())
                .setChar("typcategory", t.typcategory()).set("typispreferred", t.typispreferred())
                .set("typisdefined", true).setChar("typdelim", t.typdelim()).set("typrelid", typrelid)
                .set("typsubscript", t.isArray() ? ARRAY_SUBSCRIPT_HANDLER
                        : t.typelem() != 0 ? RAW_ARRAY_SUBSCRIPT_HANDLER : 0)
                .set("typelem", t.typelem()).set("typarray", t.typarray()).set("typinput", procOid(t.typinput()))
                .set("typoutput", procOid(t.typoutput())).set("typreceive", procOid(t.typreceive()))
                .set("typsend", procOid(t.typsend())).set("typmodin", procOid(t.typmodin()))
                .set("typmodout", procOid(t.typmodout())).set("typanalyze", 0).setChar("typalign", t.typalign())
                .setChar("typstorage", t.typstorage()).set("typbasetype", 0).set("typtypmod", -1)
                .set("typndims", 0).set("typcollation", defaultCollation(t.oid()));
    }

    /** The pg_proc OID of a support function by name (typinput etc.), 0 for "-" or unknown. */
    static int procOid(String name) {
        return ProcCatalog.oidByName(name);
    }

    static CatalogRow pgProc(ProcCatalog.Proc f) {
        List<Integer> args = f.args();
        CatalogRow row = CatalogRow.create(PG_PROC).set("oid", f.oid()).set("proname", f.name())
                .set("pronamespace", f.namespace()).set("proowner", RoleDesc.BOOTSTRAP_SUPERUSER)
                .set("prolang", f.lang()).set("procost", f.cost()).set("prorows", f.rows())
                .set("provariadic", f.variadic()).set("prosupport", 0).setChar("prokind", f.kind())
                .set("proisstrict", f.strict()).set("proretset", f.retset())
                .setChar("provolatile", f.volatility()).setChar("proparallel", f.parallel())
                .set("pronargs", (short) args.size()).set("pronargdefaults", (short) 0)
                .set("prorettype", f.ret()).setInts("proargtypes", TypeOids.OID, args)
                .set("proallargtypes", null).set("proargmodes", f.variadic() != 0 ? variadicModes(args.size())
                        : null).set("prosrc", f.prosrc());
        ProcOutParams.Out out = ProcOutParams.of(f.oid());
        if (out != null) {
            List<Integer> all = new ArrayList<>(args);
            all.addAll(out.types());
            List<Object> modes = new ArrayList<>(Collections.nCopies(args.size(), (Object) "i"));
            modes.addAll(Collections.nCopies(out.types().size(), (Object) "o"));
            List<Object> names = new ArrayList<>(Collections.nCopies(args.size(), (Object) ""));
            names.addAll(out.names());
            row.setInts("proallargtypes", TypeOids.OID, all)
                    .set("proargmodes", new dev.tusk.utils.adt.ArrayValue(TypeOids.CHAR, modes))
                    .set("proargnames", new dev.tusk.utils.adt.ArrayValue(TypeOids.TEXT, names));
        }
        return row;
    }

    private static dev.tusk.utils.adt.ArrayValue variadicModes(int n) {
        List<Object> modes = new ArrayList<>(Collections.nCopies(n, (Object) "i"));
        if (n > 0) {
            modes.set(n - 1, "v");
        }
        return new dev.tusk.utils.adt.ArrayValue(TypeOids.CHAR, modes);
    }

    static CatalogRow pgNamespace(int oid, String name, int owner) {
        return CatalogRow.create(PG_NAMESPACE).set("oid", oid).set("nspname", name).set("nspowner", owner)
                .set("nspacl", null);
    }

    static CatalogRow pgDepend(int classId, int objId, int objSubId, int refClassId, int refObjId, int refObjSubId,
            char deptype) {
        return CatalogRow.create(PG_DEPEND).set("classid", classId).set("objid", objId).set("objsubid", objSubId)
                .set("refclassid", refClassId).set("refobjid", refObjId).set("refobjsubid", refObjSubId)
                .setChar("deptype", deptype);
    }

    static CatalogRow pgAuthid(int oid, RoleDesc r) {
        return CatalogRow.create(PG_AUTHID).set("oid", oid).set("rolname", r.name()).set("rolsuper", r.superuser())
                .set("rolinherit", r.inherit()).set("rolcreaterole", r.createRole()).set("rolcreatedb", r.createDb())
                .set("rolcanlogin", r.canLogin()).set("rolreplication", r.replication())
                .set("rolbypassrls", r.bypassRls()).set("rolconnlimit", r.connLimit())
                .set("rolpassword", r.password()).set("rolvaliduntil", r.validUntil());
    }

    static CatalogRow pgDatabase(int oid, String name, int owner, boolean template, boolean allowConn) {
        return CatalogRow.create(PG_DATABASE).set("oid", oid).set("datname", name).set("datdba", owner)
                .set("encoding", 6).setChar("datlocprovider", 'c').set("datistemplate", template)
                .set("datallowconn", allowConn).set("datconnlimit", -1).set("datfrozenxid", 3).set("datminmxid", 1)
                .set("dattablespace", dev.tusk.storage.RelFileLocator.DEFAULTTABLESPACE_OID).set("datcollate", "C")
                .set("datctype", "C").set("datacl", null);
    }
}
