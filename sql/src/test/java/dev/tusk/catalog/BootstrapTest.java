package dev.tusk.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapScan;
import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.utils.adt.StorageForms;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.adt.TypeRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapTest {
    @TempDir
    static Path dir;
    static CatalogTestCluster cluster;

    @BeforeAll
    static void init() {
        cluster = new CatalogTestCluster(dir);
    }

    @AfterAll
    static void shutdown() {
        cluster.close();
    }

    @Test
    void catalogsDescribeThemselvesWithPostgresOids() {
        try (Transaction tx = cluster.begin()) {
            Catalog c = cluster.catalog(tx);
            RelationDesc pgClass = c.resolveRelation(List.of("pg_class"), CatalogTestCluster.PATH);
            assertEquals(1259, pgClass.oid());
            assertEquals(NamespaceDesc.PG_CATALOG, pgClass.namespaceOid());
            assertEquals('r', pgClass.relkind());
            assertEquals(33, pgClass.liveColumns().size(), "pg_class has PostgreSQL 15's 33 columns");
            assertEquals("relname", pgClass.column(2).name());
            assertEquals(TypeOids.NAME, pgClass.column("relname").typeOid());
            assertEquals(RelFileLocator.of(DatabaseDesc.POSTGRES, 1259), pgClass.locator());
            RelationDesc pgDatabase = c.relation(1262);
            assertEquals(RelFileLocator.GLOBALTABLESPACE_OID, pgDatabase.locator().spcOid());
            assertEquals("pg_attribute", c.relation(1249).name());
            assertEquals('v', c.relation(NamespaceDesc.PG_CATALOG, "pg_roles").relkind());
            assertTrue(c.relation(NamespaceDesc.PG_CATALOG, "pg_tables").viewDefinition().contains("FROM ((pg_class c"));
        }
    }

    @Test
    void databasesRolesAndSchemas() {
        try (Transaction tx = cluster.begin()) {
            Catalog c = cluster.catalog(tx);
            assertEquals(List.of(1, 4, 5), c.databases().stream().map(DatabaseDesc::oid).toList());
            assertEquals("postgres", c.database(5).name());
            assertFalse(c.database("template0").allowConnections());
            RoleDesc su = c.role("postgres");
            assertEquals(RoleDesc.BOOTSTRAP_SUPERUSER, su.oid());
            assertTrue(su.superuser() && su.canLogin());
            assertEquals(2200, c.namespace("public").oid());
            assertEquals(List.of(11, 2200), c.searchPathOids(CatalogTestCluster.PATH));
            assertEquals(2200, c.creationNamespace(CatalogTestCluster.PATH));
            assertEquals("standard public schema", c.description(2200, 2615, 0));
        }
        assertNotNull(cluster.catalogs.roleForLogin("postgres"));
        assertNull(cluster.catalogs.databaseForLogin("nosuch"));
    }

    @Test
    void templatesAreCopiesOfTemplate1() {
        for (int db : new int[] {1, 4, 5}) {
            assertTrue(Files.exists(dir.resolve("base/" + db + "/1259")), "pg_class of database " + db);
        }
        assertTrue(Files.exists(dir.resolve("global/1262")));
        try (Transaction tx = cluster.begin()) {
            Catalog t0 = cluster.catalogs.catalog(DatabaseDesc.TEMPLATE0, tx, "postgres");
            assertEquals(1259, t0.relation(NamespaceDesc.PG_CATALOG, "pg_class").oid());
        }
    }

    @Test
    void templateDatabasesHaveInitdbsAcl() {
        // initdb (PostgreSQL 15) leaves template0/template1 with datacl {=c/postgres,postgres=CTc/postgres} (the
        // bootstrap superuser's name) and postgres with NULL.
        CatalogHeaps heaps = new CatalogHeaps(new dev.tusk.access.heap.HeapAm(cluster.engine.buffers(),
                cluster.engine.smgr(), cluster.engine.transactions()), DatabaseDesc.POSTGRES);
        try (Transaction tx = cluster.begin()) {
            for (CatalogRow r : heaps.get(CatalogTables.PG_DATABASE).scan(tx.statementSnapshot())) {
                Object acl = r.get("datacl");
                if (r.getString("datname").startsWith("template")) {
                    assertEquals(List.of("=c/postgres", "postgres=CTc/postgres"),
                            ((dev.tusk.utils.adt.ArrayValue) acl).elements(), r.getString("datname"));
                } else {
                    assertEquals(null, acl, r.getString("datname"));
                }
            }
        }
        assertEquals("\"my role\"", Bootstrap.aclRoleName("my role"));
        assertEquals("alice_1", Bootstrap.aclRoleName("alice_1"));
    }

    @Test
    void pgTypeAndPgProcRowsComeFromTheRegistries() {
        CatalogHeaps heaps = new CatalogHeaps(new dev.tusk.access.heap.HeapAm(cluster.engine.buffers(),
                cluster.engine.smgr(), cluster.engine.transactions()), DatabaseDesc.POSTGRES);
        try (Transaction tx = cluster.begin()) {
            List<CatalogRow> types = heaps.get(CatalogTables.PG_TYPE).scan(tx.statementSnapshot());
            assertEquals(TypeRegistry.builtin().all().size(), types.size());
            CatalogRow int4 = types.stream().filter(r -> r.getInt("oid") == 23).findFirst().orElseThrow();
            assertEquals("int4", int4.getString("typname"));
            assertEquals(4, int4.getInt("typlen"));
            assertEquals(1007, int4.getInt("typarray"));
            assertEquals(42, int4.getInt("typinput"), "int4in, PostgreSQL's OID");
            CatalogRow int4Array = types.stream().filter(r -> r.getInt("oid") == 1007).findFirst().orElseThrow();
            assertEquals(750, int4Array.getInt("typinput"), "array_in: pgjdbc asks typinput = 'array_in'::regproc");
            assertEquals(6179, int4Array.getInt("typsubscript"));
            List<CatalogRow> procs = heaps.get(CatalogTables.PG_PROC).scan(tx.statementSnapshot(),
                    r -> r.getString("proname").equals("pg_table_is_visible"));
            assertEquals(1, procs.size());
            assertEquals(2079, procs.getFirst().getInt("oid"));
            assertEquals(List.of(26), procs.getFirst().getInts("proargtypes"));
        }
    }

    @Test
    void catalogTablesReadLikeUserTablesThroughTheTypeLayersStorageMapping() {
        HeapAm heap = new HeapAm(cluster.engine.buffers(), cluster.engine.smgr(), cluster.engine.transactions());
        try (Transaction tx = cluster.begin()) {
            Catalog c = cluster.catalog(tx);
            RelationDesc pgClass = c.relation(1259);
            int relname = pgClass.column("relname").attnum() - 1;
            int relkind = pgClass.column("relkind").attnum() - 1;
            int relnatts = pgClass.column("relnatts").attnum() - 1;
            boolean found = false;
            try (HeapScan scan = heap.scan(pgClass.heapRelation(), tx.statementSnapshot())) {
                while (scan.hasNext()) {
                    Object[] stored = scan.next().values();
                    Object[] row = new Object[stored.length];
                    for (int i = 0; i < stored.length; i++) {
                        row[i] = StorageForms.fromStorage(pgClass.column(i + 1).typeOid(), stored[i]);
                    }
                    if ("pg_index".equals(row[relname])) {
                        found = true;
                        assertEquals("r", row[relkind]);
                        assertEquals((short) 21, row[relnatts]);
                    }
                }
            }
            assertTrue(found);
            RelationDesc pgIndex = c.relation(2610);
            assertEquals(TypeOids.INT2VECTOR, pgIndex.column("indkey").typeOid());
            assertEquals(StorageForms.attrType(TypeOids.INT2VECTOR), pgIndex.storageDesc().type(15));
        }
    }
}
