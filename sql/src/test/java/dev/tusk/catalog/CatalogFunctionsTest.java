package dev.tusk.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tusk.access.nbtree.IndexKeyDesc;
import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.StorageEngine;
import dev.tusk.utils.adt.ArrayValue;
import dev.tusk.utils.adt.SessionFormats;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionContext;
import dev.tusk.utils.fmgr.FunctionRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog SQL functions called through the function registry; expected values are PostgreSQL 15's output. */
class CatalogFunctionsTest {
    @TempDir
    static Path dir;
    static CatalogTestCluster cluster;
    static int tableA;
    static int tableT;
    static int pkeyOid;
    static int checkOid;
    static int fkeyOid;

    @BeforeAll
    static void init() {
        cluster = new CatalogTestCluster(dir);
        Transaction tx = cluster.begin();
        CatalogWriter w = cluster.writer(tx);
        RelationDesc a = w.createTable(new NewRelation("a", NamespaceDesc.PUBLIC, 10, 'p', List.of(
                NewColumn.of("id", TypeOids.INT4, -1).withNotNull(true), NewColumn.of("x", TypeOids.INT4, -1),
                NewColumn.of("s", TypeOids.INT4, -1).withNotNull(true).withDefault("nextval('a_s_seq'::regclass)"))));
        tableA = a.oid();
        RelationDesc seq = w.createSequence(new NewRelation("a_s_seq", NamespaceDesc.PUBLIC, 10, 'p', List.of()),
                new SequenceDesc(0, TypeOids.INT4, 1, 1, Integer.MAX_VALUE, 1, 1, false));
        w.setSequenceOwner(seq.oid(), tableA, 3);
        IndexDesc pk = w.createIndex(new NewIndex("a_pkey", tableA, List.of(1), List.of(IndexKeyDesc.ColumnOrder.ASC),
                true, true, false), null);
        pkeyOid = pk.oid();
        w.addConstraint(tableA, NewConstraint.primaryKey("a_pkey", List.of(1), pkeyOid));
        checkOid = w.addConstraint(tableA, NewConstraint.check("a_x_check", "(x > 0)", List.of(2)));
        int nsp = w.createNamespace("s", 10);
        RelationDesc t = w.createTable(new NewRelation("t", nsp, 10, 'p', List.of(NewColumn.of("a", TypeOids.INT4, -1))));
        tableT = t.oid();
        fkeyOid = w.addConstraint(tableT, NewConstraint.foreignKey("t_a_fkey", List.of(1), tableA, List.of(1), pkeyOid,
                'r', 'n', 'f'));
        w.setComment(tableA, 1259, 0, "table a");
        w.setComment(tableA, 1259, 2, "column x");
        cluster.commit(tx);
    }

    @AfterAll
    static void shutdown() {
        cluster.close();
    }

    /** A session over a fresh read transaction with search_path "$user", public. */
    static Object call(int procOid, Object... args) {
        try (Transaction tx = cluster.begin()) {
            SessionCatalog session = sessionCatalog(tx);
            FunctionContext base = FunctionContext.basic(SessionFormats.DEFAULT);
            FunctionContext ctx = new FunctionContext() {
                @Override
                public SessionFormats formats() {
                    return base.formats();
                }

                @Override
                public String currentUser() {
                    return "postgres";
                }

                @Override
                public String currentDatabase() {
                    return "postgres";
                }

                @Override
                public int backendPid() {
                    return 1;
                }

                @Override
                public Instant transactionTimestamp() {
                    return Instant.now();
                }

                @Override
                public Instant statementTimestamp() {
                    return Instant.now();
                }

                @Override
                public RandomGenerator random() {
                    return base.random();
                }

                @Override
                public <T> T service(Class<T> type) {
                    if (type == SessionCatalog.class) {
                        return type.cast(session);
                    }
                    if (type == dev.tusk.utils.adt.RegLookup.class) {
                        return type.cast(new CatalogRegLookup(session));
                    }
                    return null;
                }
            };
            var def = FunctionRegistry.builtin().byOid(procOid).orElseThrow();
            int[] types = def.argTypes().stream().mapToInt(Integer::intValue).toArray();
            return def.call(ctx, types, args);
        }
    }

    static CatalogRegLookup regLookup(Transaction tx) {
        return new CatalogRegLookup(sessionCatalog(tx));
    }

    /** The catalog of {@code tx} with search_path "$user", public. */
    private static SessionCatalog sessionCatalog(Transaction tx) {
        return new SessionCatalog() {
            @Override
            public Catalog catalog() {
                return cluster.catalog(tx);
            }

            @Override
            public List<String> searchPath() {
                return CatalogTestCluster.PATH;
            }

            @Override
            public StorageEngine storage() {
                return cluster.engine;
            }
        };
    }

    @Test
    void formatType() {
        assertEquals("character varying(20)", call(1081, TypeOids.VARCHAR, 24));
        assertEquals("numeric(10,2)", call(1081, TypeOids.NUMERIC, ((10 << 16) | 2) + 4));
        assertEquals("timestamp with time zone", call(1081, TypeOids.TIMESTAMPTZ, -1));
        assertEquals("integer[]", call(1081, TypeOids.INT4_ARRAY, -1));
        assertEquals("character(5)", call(1081, TypeOids.BPCHAR, 9));
        assertEquals("bpchar", call(1081, TypeOids.BPCHAR, -1));
        assertEquals("???", call(1081, 99999, -1));
        assertEquals("\"char\"", call(1081, TypeOids.CHAR, null));
        assertNull(call(1081, null, -1));
    }

    @Test
    void deparsers() {
        assertEquals("PRIMARY KEY (id)", call(1387, findConstraint("a_pkey")));
        assertEquals("CHECK ((x > 0))", call(1387, checkOid));
        assertEquals("CHECK (x > 0)", call(2508, checkOid, true), "psql's \\d asks for the pretty form");
        assertEquals("(1 + 2) * 3", call(2509, "((1 + 2) * 3)", tableA, true));
        assertEquals("FOREIGN KEY (a) REFERENCES a(id) MATCH FULL ON UPDATE RESTRICT ON DELETE SET NULL",
                call(1387, fkeyOid));
        assertEquals("CREATE UNIQUE INDEX a_pkey ON public.a USING btree (id)", call(1643, pkeyOid));
        assertEquals("id", call(2507, pkeyOid, 1, true));
        assertEquals("CREATE UNIQUE INDEX a_pkey ON a USING btree (id)", call(2507, pkeyOid, 0, true),
                "pretty (psql's \\d) qualifies the table only when it is not visible");
        assertEquals("CREATE UNIQUE INDEX a_pkey ON public.a USING btree (id)", call(2507, pkeyOid, 0, false));
        assertEquals("nextval('a_s_seq'::regclass)", call(1716, "nextval('a_s_seq'::regclass)", tableA));
        assertEquals(" SELECT pg_authid.rolname,", ((String) call(1641, 12000)).lines().findFirst().orElseThrow());
        assertEquals("postgres", call(1642, 10));
        assertEquals("unknown (OID=99999)", call(1642, 99999));
    }

    /** pg_trigger and pg_class rows as a heap scan in a fresh transaction sees them. */
    private static List<CatalogRow> scan(CatalogTable table) {
        CatalogHeaps heaps = new CatalogHeaps(new dev.tusk.access.heap.HeapAm(cluster.engine.buffers(),
                cluster.engine.smgr(), cluster.engine.transactions()), DatabaseDesc.POSTGRES);
        try (Transaction tx = cluster.begin()) {
            return heaps.get(table).scan(tx.statementSnapshot());
        }
    }

    @Test
    void foreignKeysHaveTheInternalTriggersPostgresqlCreates() {
        // PostgreSQL 15 for a FK ON UPDATE RESTRICT ON DELETE SET NULL MATCH FULL from s.t(a) to a(id): two action
        // triggers on a, two check triggers on t, all tgisinternal, and relhastriggers on both tables.
        List<CatalogRow> triggers = scan(CatalogTables.PG_TRIGGER).stream()
                .filter(r -> r.getInt("tgconstraint") == fkeyOid)
                .sorted(java.util.Comparator.comparingInt(r -> r.getInt("oid"))).toList();
        assertEquals(4, triggers.size());
        assertEquals(List.of(1650, 1649, 1644, 1645), triggers.stream().map(r -> r.getInt("tgfoid")).toList());
        assertEquals(List.of(9, 17, 5, 17), triggers.stream().map(r -> r.getInt("tgtype")).toList());
        assertEquals(List.of(tableA, tableA, tableT, tableT), triggers.stream().map(r -> r.getInt("tgrelid")).toList());
        CatalogRow del = triggers.getFirst();
        assertEquals("RI_ConstraintTrigger_a_" + del.getInt("oid"), del.getString("tgname"));
        assertEquals(true, del.getBool("tgisinternal"));
        assertEquals("CREATE CONSTRAINT TRIGGER \"RI_ConstraintTrigger_a_" + del.getInt("oid") + "\" AFTER DELETE ON"
                + " public.a FROM s.t NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION"
                + " \"RI_FKey_setnull_del\"()", call(1662, del.getInt("oid")));
        CatalogRow ins = triggers.get(2);
        assertEquals("CREATE CONSTRAINT TRIGGER \"RI_ConstraintTrigger_c_" + ins.getInt("oid") + "\" AFTER INSERT ON"
                + " s.t FROM a NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION"
                + " \"RI_FKey_check_ins\"()", call(2730, ins.getInt("oid"), true));
        assertEquals("CREATE CONSTRAINT TRIGGER \"RI_ConstraintTrigger_a_" + del.getInt("oid") + "\" AFTER DELETE ON"
                + " a FROM s.t NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION"
                + " \"RI_FKey_setnull_del\"()", call(2730, del.getInt("oid"), true));
        assertNull(call(1662, 99999));
        for (CatalogRow c : scan(CatalogTables.PG_CLASS)) {
            if (c.getInt("oid") == tableA || c.getInt("oid") == tableT) {
                assertEquals(true, c.getBool("relhastriggers"), c.getString("relname"));
            }
        }
    }

    @Test
    void indexBuildSetsRelpagesAndReltuples() {
        // index_update_stats: the index counts its tuples; the empty table keeps reltuples -1 (never vacuumed).
        for (CatalogRow c : scan(CatalogTables.PG_CLASS)) {
            if (c.getInt("oid") == pkeyOid) {
                assertEquals(0f, ((Number) c.get("reltuples")).floatValue());
                assertEquals(true, c.getInt("relpages") >= 1, "at least the metapage");
            } else if (c.getInt("oid") == tableA) {
                assertEquals(-1f, ((Number) c.get("reltuples")).floatValue());
                assertEquals(0, c.getInt("relpages"));
            }
        }
    }

    private static int findConstraint(String name) {
        try (Transaction tx = cluster.begin()) {
            return cluster.catalog(tx).relation(tableA).constraints().stream().filter(c -> c.name().equals(name))
                    .findFirst().orElseThrow().oid();
        }
    }

    @Test
    void visibilityAndSchemas() {
        assertEquals(true, call(2079, tableA));
        assertEquals(false, call(2079, tableT));
        assertEquals(true, call(2079, 1259));
        assertNull(call(2079, 99999));
        assertEquals("public", call(1402));
        assertEquals(new ArrayValue(TypeOids.NAME, List.of("pg_catalog", "public")), call(1403, true));
        assertEquals(new ArrayValue(TypeOids.NAME, List.of("public")), call(1403, false));
        assertEquals("public.a_s_seq", call(1665, "a", "s"));
        assertNull(call(1665, "a", "x"));
        TuskException e = assertThrows(TuskException.class, () -> call(1665, "a", "nope"));
        assertEquals("column \"nope\" of relation \"a\" does not exist", e.getMessage());
    }

    @Test
    void commentsAndMisc() {
        assertEquals("table a", call(1215, tableA, "pg_class"));
        assertEquals("column x", call(1216, tableA, 2));
        assertNull(call(1216, tableA, 1));
        assertEquals("standard public schema", call(1215, 2200, "pg_namespace"));
        assertEquals("default administrative connection database", call(1993, 5, "pg_database"));
        assertEquals("UTF8", call(1597, 6));
        assertEquals(6, call(1264, "UTF8"));
        assertEquals(true, call(1922, "postgres", "a", "SELECT"));
        assertEquals(0L, call(2325, tableA));
        assertEquals("integer", call(2165, FunctionRegistry.builtin().byName("int4pl").getFirst().oid()));
        assertEquals("integer, integer",
                call(2162, FunctionRegistry.builtin().byName("int4pl").getFirst().oid()));
    }

    @Test
    void regTypesResolveAlongTheSearchPath() {
        try (Transaction tx = cluster.begin()) {
            CatalogRegLookup reg = regLookup(tx);
            assertEquals(tableA, reg.regclassIn("a"));
            assertEquals(tableA, reg.regclassIn("PUBLIC.\"a\""));
            assertEquals("a", reg.regclassOut(tableA));
            assertEquals("s.t", reg.regclassOut(tableT));
            assertEquals(1259, reg.regclassIn("pg_class"));
            assertNull(reg.regclassOut(99999));
            TuskException e = assertThrows(TuskException.class, () -> reg.regclassIn("nosuch"));
            assertEquals(SqlState.UNDEFINED_TABLE, e.sqlState());
            assertEquals("relation \"nosuch\" does not exist", e.getMessage());
            e = assertThrows(TuskException.class, () -> reg.regclassIn("nosuch.t"));
            assertEquals("schema \"nosuch\" does not exist", e.getMessage());
            assertEquals(TypeOids.INT4, reg.regtypeIn("integer"));
            assertEquals("character varying", reg.regtypeOut(TypeOids.VARCHAR));
            assertEquals(2200, reg.regnamespaceIn("public"));
            assertEquals("pg_catalog", reg.regnamespaceOut(11));
            assertEquals(10, reg.regroleIn("postgres"));
            e = assertThrows(TuskException.class, () -> reg.regroleIn("nobody"));
            assertEquals("role \"nobody\" does not exist", e.getMessage());
            assertEquals("pg_table_is_visible", reg.regprocOut(2079));
            assertEquals(2079, reg.regprocIn("pg_table_is_visible"));
            assertEquals("pg_table_is_visible(oid)", reg.regprocedureOut(2079));
            assertEquals(750, reg.regprocIn("pg_catalog.array_in"));
            assertEquals("array_in", reg.regprocOut(750));
            assertEquals(2079, reg.regprocedureIn("pg_table_is_visible(oid)"));
        }
    }
}
