package dev.tusk.catalog;

import static dev.tusk.utils.adt.TypeOids.BOOL;
import static dev.tusk.utils.adt.TypeOids.INT4;
import static dev.tusk.utils.adt.TypeOids.INT8;
import static dev.tusk.utils.adt.TypeOids.NAME;
import static dev.tusk.utils.adt.TypeOids.OID;
import static dev.tusk.utils.adt.TypeOids.PG_NODE_TREE;
import static dev.tusk.utils.adt.TypeOids.REGCLASS;
import static dev.tusk.utils.adt.TypeOids.TEXT;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.StorageEngine;
import dev.tusk.utils.adt.ArrayValue;
import dev.tusk.utils.adt.PgType;
import dev.tusk.utils.adt.TypeNames;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.adt.TypeRegistry;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionContext;
import dev.tusk.utils.fmgr.FunctionDef;
import dev.tusk.utils.fmgr.FunctionImpl;
import dev.tusk.utils.fmgr.FunctionRegistry;
import dev.tusk.utils.fmgr.Volatility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The catalog-dependent SQL functions (PostgreSQL's namespace.c visibility tests, ruleutils.c deparsers,
 * format_type, comment lookups, privilege tests, size functions, to_reg*), registered into the function
 * registry with PostgreSQL's OIDs. They reach the session through
 * {@code FunctionContext.service(SessionCatalog.class)}.
 */
public final class CatalogFunctions {
    private static volatile boolean registered;

    private CatalogFunctions() {
    }

    /** Registers every function once per process (idempotent). */
    public static synchronized void register() {
        if (registered) {
            return;
        }
        FunctionRegistry reg = FunctionRegistry.builtin();
        for (FunctionDef f : definitions()) {
            reg.register(f);
        }
        for (FunctionDef f : InformationSchemaFunctions.definitions()) {
            reg.register(f);
        }
        registered = true;
    }

    private static SessionCatalog session(FunctionContext ctx) {
        SessionCatalog s = ctx.service(SessionCatalog.class);
        if (s == null) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "catalog access is not available here");
        }
        return s;
    }

    private static FunctionDef fn(int oid, String name, List<Integer> args, int ret, boolean strict,
            FunctionImpl impl) {
        return new FunctionDef(oid, name, FunctionDef.PG_CATALOG, args, 0, ret, false, strict, Volatility.STABLE,
                name, impl, null, null);
    }

    private static int oid(Object o) {
        return ((Number) o).intValue();
    }

    static List<FunctionDef> definitions() {
        List<FunctionDef> l = new ArrayList<>();
        l.add(fn(2079, "pg_table_is_visible", List.of(OID), BOOL, true, (c, t, a) -> {
            SessionCatalog s = session(c);
            RelationDesc r = s.catalog().relation(oid(a[0]));
            return r == null ? null : s.catalog().isRelationVisible(r.oid(), s.searchPath());
        }));
        l.add(fn(2080, "pg_type_is_visible", List.of(OID), BOOL, true, (c, t, a) ->
                TypeRegistry.builtin().byOid(oid(a[0])).isPresent() ? Boolean.TRUE : null));
        l.add(fn(2081, "pg_function_is_visible", List.of(OID), BOOL, true, (c, t, a) -> {
            SessionCatalog s = session(c);
            ProcDesc p = s.catalog().function(oid(a[0]));
            return p == null ? null : s.catalog().searchPathOids(s.searchPath()).contains(p.namespaceOid());
        }));
        for (int[] v : new int[][] {{3815}, {2083}, {2093}}) {
            String name = switch (v[0]) {
                case 3815 -> "pg_collation_is_visible";
                case 2083 -> "pg_opclass_is_visible";
                default -> "pg_conversion_is_visible";
            };
            l.add(fn(v[0], name, List.of(OID), BOOL, true, (c, t, a) -> Boolean.TRUE));
        }
        l.add(fn(1081, "format_type", List.of(OID, INT4), TEXT, false, (c, t, a) -> a[0] == null ? null
                : formatType(oid(a[0]), a[1] == null ? -1 : (Integer) a[1])));
        l.add(fn(1716, "pg_get_expr", List.of(PG_NODE_TREE, OID), TEXT, true, (c, t, a) -> (String) a[0]));
        l.add(fn(2509, "pg_get_expr", List.of(PG_NODE_TREE, OID, BOOL), TEXT, true,
                (c, t, a) -> RuleUtils.expression((String) a[0], (Boolean) a[2])));
        FunctionImpl conDef = (c, t, a) -> {
            SessionCatalog s = session(c);
            Catalog cat = s.catalog();
            ConstraintDesc con = constraint(cat, oid(a[0]));
            return con == null ? null : RuleUtils.constraintDef(cat, con, s.searchPath(),
                    a.length > 1 && Boolean.TRUE.equals(a[1]));
        };
        l.add(fn(1387, "pg_get_constraintdef", List.of(OID), TEXT, true, conDef));
        l.add(fn(2508, "pg_get_constraintdef", List.of(OID, BOOL), TEXT, true, conDef));
        l.add(fn(1643, "pg_get_indexdef", List.of(OID), TEXT, true, (c, t, a) -> indexDef(c, oid(a[0]), 0, false)));
        l.add(fn(2507, "pg_get_indexdef", List.of(OID, INT4, BOOL), TEXT, true,
                (c, t, a) -> indexDef(c, oid(a[0]), (Integer) a[1], (Boolean) a[2])));
        FunctionImpl triggerDef = (c, t, a) -> {
            SessionCatalog s = session(c);
            TriggerDesc tg = s.catalog().trigger(oid(a[0]));
            return tg == null ? null : RuleUtils.triggerDef(s.catalog(), tg, s.searchPath(),
                    a.length > 1 && Boolean.TRUE.equals(a[1]));
        };
        l.add(fn(1662, "pg_get_triggerdef", List.of(OID), TEXT, true, triggerDef));
        l.add(fn(2730, "pg_get_triggerdef", List.of(OID, BOOL), TEXT, true, triggerDef));
        // pg_partition_ancestors: the relation itself, then the partitioned tables above it; nothing for a
        // relation that is neither a partition nor partitioned (check_rel_can_be_partition), which without
        // partitioning in Tusk is every relation but a partitioned one.
        l.add(new FunctionDef(3425, "pg_partition_ancestors", FunctionDef.PG_CATALOG, List.of(REGCLASS), 0, REGCLASS,
                true, true, Volatility.VOLATILE, "pg_partition_ancestors", null, (c, t, a) -> {
                    RelationDesc r = session(c).catalog().relation(oid(a[0]));
                    List<Object> out = new ArrayList<>();
                    if (r != null && (r.relkind() == 'p' || r.relkind() == 'I')) {
                        out.add(r.oid());
                    }
                    return out.iterator();
                }, null));
        FunctionImpl viewByOid = (c, t, a) -> {
            RelationDesc r = session(c).catalog().relation(oid(a[0]));
            return r == null ? null : r.viewDefinition();
        };
        FunctionImpl viewByName = (c, t, a) -> {
            SessionCatalog s = session(c);
            return s.catalog().resolveRelation(QualifiedNames.parse((String) a[0]), s.searchPath()).viewDefinition();
        };
        l.add(fn(1641, "pg_get_viewdef", List.of(OID), TEXT, true, viewByOid));
        l.add(fn(2506, "pg_get_viewdef", List.of(OID, BOOL), TEXT, true, viewByOid));
        l.add(fn(3159, "pg_get_viewdef", List.of(OID, INT4), TEXT, true, viewByOid));
        l.add(fn(1640, "pg_get_viewdef", List.of(TEXT), TEXT, true, viewByName));
        l.add(fn(2505, "pg_get_viewdef", List.of(TEXT, BOOL), TEXT, true, viewByName));
        l.add(fn(1642, "pg_get_userbyid", List.of(OID), NAME, true, (c, t, a) -> {
            RoleDesc r = session(c).catalog().role(oid(a[0]));
            return r == null ? "unknown (OID=" + Integer.toUnsignedString(oid(a[0])) + ")" : r.name();
        }));
        l.add(fn(1215, "obj_description", List.of(OID, NAME), TEXT, true, (c, t, a) -> {
            Catalog cat = session(c).catalog();
            RelationDesc catalogRel = cat.relation(NamespaceDesc.PG_CATALOG, (String) a[1]);
            return catalogRel == null ? null : cat.description(oid(a[0]), catalogRel.oid(), 0);
        }));
        l.add(fn(1348, "obj_description", List.of(OID), TEXT, true, (c, t, a) -> {
            Catalog cat = session(c).catalog();
            for (int cls : new int[] {1259, 2615, 2606, 1255, 1247}) {
                String d = cat.description(oid(a[0]), cls, 0);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }));
        l.add(fn(1216, "col_description", List.of(OID, INT4), TEXT, true,
                (c, t, a) -> session(c).catalog().description(oid(a[0]), 1259, (Integer) a[1])));
        l.add(fn(1993, "shobj_description", List.of(OID, NAME), TEXT, true, (c, t, a) -> {
            Catalog cat = session(c).catalog();
            RelationDesc catalogRel = cat.relation(NamespaceDesc.PG_CATALOG, (String) a[1]);
            return catalogRel == null ? null : cat.sharedDescription(oid(a[0]), catalogRel.oid());
        }));
        l.add(fn(1597, "pg_encoding_to_char", List.of(INT4), NAME, true, (c, t, a) -> Encodings.name((Integer) a[0])));
        l.add(fn(1264, "pg_char_to_encoding", List.of(NAME), INT4, true, (c, t, a) -> Encodings.id((String) a[0])));
        l.add(fn(2165, "pg_get_function_result", List.of(OID), TEXT, true, (c, t, a) -> {
            ProcDesc p = session(c).catalog().function(oid(a[0]));
            return p == null ? null : (p.returnsSet() ? "SETOF " : "") + TypeNames.format(p.returnType());
        }));
        FunctionImpl fargs = (c, t, a) -> {
            int o = oid(a[0]);
            ProcDesc p = session(c).catalog().function(o);
            if (p == null) {
                return null;
            }
            return RuleUtils.functionArguments(p, ProcCatalog.variadic(o));
        };
        l.add(fn(2162, "pg_get_function_arguments", List.of(OID), TEXT, true, (c, t, a) -> {
            String in = (String) fargs.invoke(c, t, a);
            ProcOutParams.Out out = ProcOutParams.of(oid(a[0]));
            if (in == null || out == null) {
                return in;
            }
            StringBuilder sb = new StringBuilder(in);
            for (int i = 0; i < out.names().size(); i++) {
                sb.append(sb.isEmpty() ? "" : ", ").append("OUT ").append(out.names().get(i)).append(' ')
                        .append(TypeNames.format(out.types().get(i)));
            }
            return sb.toString();
        }));
        l.add(fn(2232, "pg_get_function_identity_arguments", List.of(OID), TEXT, true, fargs));
        addPrivilegeFunctions(l);
        l.add(fn(2855, "pg_is_other_temp_schema", List.of(OID), BOOL, true, (c, t, a) -> {
            Catalog cat = session(c).catalog();
            NamespaceDesc n = cat.namespace(oid(a[0]));
            return n != null && n.isTemp() && n.oid() != cat.myTempNamespace();
        }));
        l.add(fn(2854, "pg_my_temp_schema", List.of(), OID, true, (c, t, a) -> session(c).catalog().myTempNamespace()));
        l.add(fn(1402, "current_schema", List.of(), NAME, true, (c, t, a) -> {
            SessionCatalog s = session(c);
            List<String> names = schemaNames(s, false);
            return names.isEmpty() ? null : names.getFirst();
        }));
        l.add(fn(1403, "current_schemas", List.of(BOOL), TypeOids.NAME_ARRAY, true,
                (c, t, a) -> new ArrayValue(NAME, new ArrayList<>(schemaNames(session(c), (Boolean) a[0])))));
        addSizeFunctions(l);
        l.add(fn(1665, "pg_get_serial_sequence", List.of(TEXT, TEXT), TEXT, true, (c, t, a) -> {
            SessionCatalog s = session(c);
            Catalog cat = s.catalog();
            RelationDesc r = cat.resolveRelation(QualifiedNames.parse((String) a[0]), s.searchPath());
            ColumnDesc col = r.column((String) a[1]);
            if (col == null) {
                throw new TuskException(SqlState.UNDEFINED_COLUMN, "column \"" + a[1] + "\" of relation \""
                        + r.name() + "\" does not exist");
            }
            int seq = cat.ownedSequence(r.oid(), col.attnum());
            RelationDesc sr = seq == 0 ? null : cat.relation(seq);
            return sr == null ? null : QualifiedNames.qualify(sr.namespaceName(), sr.name());
        }));
        l.add(fn(3495, "to_regclass", List.of(TEXT), REGCLASS, true, (c, t, a) -> {
            SessionCatalog s = session(c);
            RelationDesc r = lookupOrNull(() -> s.catalog().lookupRelation(QualifiedNames.parse((String) a[0]),
                    s.searchPath()));
            return r == null ? null : r.oid();
        }));
        l.add(fn(3493, "to_regtype", List.of(TEXT), TypeOids.REGTYPE, true, (c, t, a) -> {
            PgType ty = TypeRegistry.builtin().byName((String) a[0]).orElse(null);
            return ty == null ? null : ty.oid();
        }));
        l.add(fn(3494, "to_regproc", List.of(TEXT), TypeOids.REGPROC, true, (c, t, a) -> {
            List<ProcDesc> ps = session(c).catalog().functions((String) a[0]);
            return ps.size() == 1 ? ps.getFirst().oid() : null;
        }));
        l.add(fn(4086, "to_regnamespace", List.of(TEXT), TypeOids.REGNAMESPACE, true, (c, t, a) -> {
            NamespaceDesc n = session(c).catalog().namespace((String) a[0]);
            return n == null ? null : n.oid();
        }));
        l.add(fn(4093, "to_regrole", List.of(TEXT), TypeOids.REGROLE, true, (c, t, a) -> {
            RoleDesc r = session(c).catalog().role((String) a[0]);
            return r == null ? null : r.oid();
        }));
        l.add(fn(6121, "pg_relation_is_publishable", List.of(REGCLASS), BOOL, true, (c, t, a) -> {
            RelationDesc r = session(c).catalog().relation(oid(a[0]));
            return r == null ? null : r.relkind() == 'r' && r.persistence() == 'p'
                    && r.namespaceOid() != NamespaceDesc.PG_CATALOG && Integer.compareUnsigned(r.oid(), 16384) >= 0;
        }));
        l.add(fn(3778, "pg_tablespace_location", List.of(OID), TEXT, true, (c, t, a) -> ""));
        l.add(fn(3352, "pg_get_partkeydef", List.of(OID), TEXT, true, (c, t, a) -> null));
        l.add(fn(3408, "pg_get_partition_constraintdef", List.of(OID), TEXT, true, (c, t, a) -> null));
        l.add(fn(6174, "pg_get_statisticsobjdef_columns", List.of(OID), TEXT, true, (c, t, a) -> null));
        return l;
    }

    /** format_type: PostgreSQL's type name, {@code ???} for an unknown OID. */
    static String formatType(int typeOid, int typmod) {
        return TypeNames.format(typeOid, typmod);
    }

    private interface Lookup<T> {
        T get();
    }

    private static <T> T lookupOrNull(Lookup<T> l) {
        try {
            return l.get();
        } catch (TuskException e) {
            return null;
        }
    }

    private static ConstraintDesc constraint(Catalog cat, int oid) {
        return cat.constraint(oid);
    }

    private static String indexDef(FunctionContext c, int oid, int column, boolean pretty) {
        SessionCatalog s = session(c);
        Catalog cat = s.catalog();
        IndexDesc i = cat.index(oid);
        return i == null ? null : RuleUtils.indexDef(cat, i, column, pretty ? s.searchPath() : null);
    }

    private static List<String> schemaNames(SessionCatalog s, boolean includeImplicit) {
        Catalog cat = s.catalog();
        List<Integer> oids = cat.searchPathOids(s.searchPath());
        List<String> explicit = new ArrayList<>();
        boolean catalogExplicit = false;
        for (String n : s.searchPath()) {
            if (n.equals("pg_catalog")) {
                catalogExplicit = true;
            }
        }
        List<String> out = new ArrayList<>();
        for (int o : oids) {
            if (o == NamespaceDesc.PG_CATALOG && !catalogExplicit && !includeImplicit) {
                continue;
            }
            if (o == cat.myTempNamespace() && !s.searchPath().contains("pg_temp") && !includeImplicit) {
                continue;
            }
            out.add(cat.namespace(o).name());
        }
        explicit.addAll(out);
        return explicit;
    }

    private static void addPrivilegeFunctions(List<FunctionDef> l) {
        // has_*_privilege: every role has every privilege until GRANT/REVOKE exist.
        FunctionImpl yes = (c, t, a) -> Boolean.TRUE;
        int[][] sigs = {
            {1922, NAME, TEXT, TEXT}, {1923, NAME, OID, TEXT}, {1924, OID, TEXT, TEXT}, {1925, OID, OID, TEXT},
            {1926, TEXT, TEXT}, {1927, OID, TEXT}};
        addFamily(l, "has_table_privilege", sigs, yes);
        addFamily(l, "has_schema_privilege", new int[][] {
            {2268, NAME, TEXT, TEXT}, {2269, NAME, OID, TEXT}, {2270, OID, TEXT, TEXT}, {2271, OID, OID, TEXT},
            {2272, TEXT, TEXT}, {2273, OID, TEXT}}, yes);
        addFamily(l, "has_database_privilege", new int[][] {
            {2250, NAME, TEXT, TEXT}, {2251, NAME, OID, TEXT}, {2252, OID, TEXT, TEXT}, {2253, OID, OID, TEXT},
            {2254, TEXT, TEXT}, {2255, OID, TEXT}}, yes);
        addFamily(l, "has_sequence_privilege", new int[][] {
            {2181, NAME, TEXT, TEXT}, {2182, NAME, OID, TEXT}, {2183, OID, TEXT, TEXT}, {2184, OID, OID, TEXT},
            {2185, TEXT, TEXT}, {2186, OID, TEXT}}, yes);
        addFamily(l, "has_function_privilege", new int[][] {
            {2256, NAME, TEXT, TEXT}, {2257, NAME, OID, TEXT}, {2258, OID, TEXT, TEXT}, {2259, OID, OID, TEXT},
            {2260, TEXT, TEXT}, {2261, OID, TEXT}}, yes);
        addFamily(l, "has_column_privilege", new int[][] {
            {3012, NAME, TEXT, TEXT, TEXT}, {3013, NAME, TEXT, TypeOids.INT2, TEXT}, {3014, NAME, OID, TEXT, TEXT},
            {3015, NAME, OID, TypeOids.INT2, TEXT}, {3016, OID, TEXT, TEXT, TEXT},
            {3017, OID, TEXT, TypeOids.INT2, TEXT}, {3018, OID, OID, TEXT, TEXT}, {3019, OID, OID, TypeOids.INT2, TEXT},
            {3020, TEXT, TEXT, TEXT}, {3021, TEXT, TypeOids.INT2, TEXT}, {3022, OID, TEXT, TEXT},
            {3023, OID, TypeOids.INT2, TEXT}}, yes);
        addFamily(l, "pg_has_role", new int[][] {
            {2705, NAME, NAME, TEXT}, {2706, NAME, OID, TEXT}, {2707, OID, NAME, TEXT}, {2708, OID, OID, TEXT},
            {2709, NAME, TEXT}, {2710, OID, TEXT}}, yes);
    }

    private static void addFamily(List<FunctionDef> l, String name, int[][] sigs, FunctionImpl impl) {
        for (int[] s : sigs) {
            List<Integer> args = new ArrayList<>();
            for (int i = 1; i < s.length; i++) {
                args.add(s[i]);
            }
            l.add(fn(s[0], name, args, BOOL, true, impl));
        }
    }

    private static void addSizeFunctions(List<FunctionDef> l) {
        l.add(volatileFn(2325, "pg_relation_size", List.of(REGCLASS), (c, t, a) -> relationSize(c, oid(a[0]), false)));
        l.add(volatileFn(2332, "pg_relation_size", List.of(REGCLASS, TEXT),
                (c, t, a) -> "main".equals(a[1]) ? relationSize(c, oid(a[0]), false) : (Object) 0L));
        l.add(volatileFn(2997, "pg_table_size", List.of(REGCLASS), (c, t, a) -> relationSize(c, oid(a[0]), false)));
        l.add(volatileFn(2286, "pg_total_relation_size", List.of(REGCLASS),
                (c, t, a) -> relationSize(c, oid(a[0]), true)));
        l.add(volatileFn(2998, "pg_indexes_size", List.of(REGCLASS), (c, t, a) -> {
            Long total = relationSize(c, oid(a[0]), true);
            Long own = relationSize(c, oid(a[0]), false);
            return total == null ? null : total - own;
        }));
        l.add(fn(2999, "pg_relation_filenode", List.of(REGCLASS), OID, true, (c, t, a) -> {
            RelationDesc r = session(c).catalog().relation(oid(a[0]));
            return r == null || r.locator() == null ? null : r.locator().relNumber();
        }));
        l.add(volatileFn(2324, "pg_database_size", List.of(OID), (c, t, a) -> databaseSize(c, oid(a[0]))));
        l.add(volatileFn(2168, "pg_database_size", List.of(NAME), (c, t, a) -> {
            DatabaseDesc d = session(c).catalog().database((String) a[0]);
            if (d == null) {
                throw CatalogErrors.databaseDoesNotExist((String) a[0]);
            }
            return databaseSize(c, d.oid());
        }));
    }

    private static FunctionDef volatileFn(int oid, String name, List<Integer> args, FunctionImpl impl) {
        return new FunctionDef(oid, name, FunctionDef.PG_CATALOG, args, 0, INT8, false, true, Volatility.VOLATILE,
                name, impl, null, null);
    }

    private static Long relationSize(FunctionContext c, int relOid, boolean withIndexes) {
        SessionCatalog s = session(c);
        RelationDesc r = s.catalog().relation(relOid);
        if (r == null) {
            return null;
        }
        StorageEngine e = s.storage();
        long size = r.locator() == null ? 0 : e.buffers().nblocks(r.locator(), ForkNumber.MAIN) * 8192L;
        if (withIndexes) {
            for (IndexDesc i : r.indexes()) {
                size += e.buffers().nblocks(i.locator(), ForkNumber.MAIN) * 8192L;
            }
        }
        return size;
    }

    private static Long databaseSize(FunctionContext c, int dbOid) {
        Path dir = DatabaseFiles.dir(session(c).storage(), dbOid);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            long total = 0;
            for (Path f : files.toList()) {
                total += Files.size(f);
            }
            return total;
        } catch (IOException e) {
            throw new TuskException(SqlState.IO_ERROR, "could not stat directory \"" + dir + "\": " + e.getMessage(),
                    e);
        }
    }
}
