package dev.tusk.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapScan;
import dev.tusk.access.nbtree.IndexKeyDesc;
import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.ForkNumber;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogDdlTest extends CatalogClusterTest {
    static final List<String> PATH = CatalogTestCluster.PATH;

    private RelationDesc createA(CatalogWriter w) {
        return w.createTable(new NewRelation("a", NamespaceDesc.PUBLIC, 10, 'p', List.of(
                NewColumn.of("id", TypeOids.INT4, -1).withNotNull(true),
                NewColumn.of("x", TypeOids.INT4, -1),
                NewColumn.of("name", TypeOids.VARCHAR, 24).withDefault("'n'::character varying"))));
    }

    /** PRIMARY KEY (id) on {@code a}: the unique index a_pkey and its constraint. */
    private static IndexDesc addPrimaryKey(CatalogWriter w, RelationDesc a) {
        IndexDesc pk = w.createIndex(new NewIndex("a_pkey", a.oid(), List.of(1),
                List.of(IndexKeyDesc.ColumnOrder.ASC), true, true, false), null);
        w.addConstraint(a.oid(), NewConstraint.primaryKey("a_pkey", List.of(1), pk.oid()));
        return pk;
    }

    @Test
    void createdTableIsVisibleToItsTransactionOnlyUntilCommit() {
        Transaction tx = cluster.begin();
        RelationDesc a = createA(cluster.writer(tx));
        assertTrue(Integer.compareUnsigned(a.oid(), 16384) >= 0, "user OIDs start at FirstNormalObjectId");
        assertEquals(a.oid(), cluster.catalog(tx).resolveRelation(List.of("a"), PATH).oid());
        assertEquals(List.of("id", "x", "name"), a.liveColumns().stream().map(ColumnDesc::name).toList());
        assertEquals(24, a.column("name").typmod());
        assertEquals("'n'::character varying", a.column("name").defaultExpr());
        assertTrue(a.column("id").notNull());
        try (Transaction other = cluster.begin()) {
            assertNull(cluster.catalog(other).lookupRelation(List.of("a"), PATH));
        }
        cluster.commit(tx);
        try (Transaction other = cluster.begin()) {
            RelationDesc seen = cluster.catalog(other).resolveRelation(List.of("public", "a"), PATH);
            assertEquals(a.oid(), seen.oid());
            assertTrue(cluster.engine.smgr().exists(seen.locator(), ForkNumber.MAIN));
        }
    }

    @Test
    void rollbackRemovesRowsAndFile() {
        Transaction tx = cluster.begin();
        RelationDesc a = createA(cluster.writer(tx));
        cluster.rollback(tx);
        try (Transaction other = cluster.begin()) {
            TuskException e = assertThrows(TuskException.class,
                    () -> cluster.catalog(other).resolveRelation(List.of("a"), PATH));
            assertEquals(SqlState.UNDEFINED_TABLE, e.sqlState());
            assertEquals("relation \"a\" does not exist", e.getMessage());
        }
        assertTrue(!cluster.engine.smgr().exists(a.locator(), ForkNumber.MAIN));
    }

    @Test
    void duplicateNamesAreRejected() {
        Transaction tx = cluster.begin();
        CatalogWriter w = cluster.writer(tx);
        createA(w);
        TuskException e = assertThrows(TuskException.class, () -> createA(w));
        assertEquals("relation \"a\" already exists", e.getMessage());
        assertEquals(SqlState.DUPLICATE_TABLE, e.sqlState());
        RelationDesc a = cluster.catalog(tx).resolveRelation(List.of("a"), PATH);
        e = assertThrows(TuskException.class, () -> w.addColumn(a.oid(), NewColumn.of("x", TypeOids.INT4, -1)));
        assertEquals("column \"x\" of relation \"a\" already exists", e.getMessage());
        e = assertThrows(TuskException.class, () -> w.createNamespace("public", 10));
        assertEquals("schema \"public\" already exists", e.getMessage());
        cluster.rollback(tx);
    }

    @Test
    void catalogsSurviveRestart() {
        Transaction tx = cluster.begin();
        CatalogWriter w = cluster.writer(tx);
        int nsp = w.createNamespace("s", 10);
        RelationDesc t = w.createTable(new NewRelation("t", nsp, 10, 'p', List.of(NewColumn.of("a", TypeOids.TEXT, -1))));
        w.setComment(t.oid(), 1259, 0, "a table");
        cluster.commit(tx);
        cluster.restart();
        try (Transaction r = cluster.begin()) {
            Catalog c = cluster.catalog(r);
            RelationDesc again = c.resolveRelation(List.of("s", "t"), PATH);
            assertEquals(t.oid(), again.oid());
            assertEquals("a table", c.description(t.oid(), 1259, 0));
            assertEquals(false, c.isRelationVisible(t.oid(), PATH));
            assertEquals(true, c.isRelationVisible(t.oid(), List.of("s")));
        }
        try (Transaction tx2 = cluster.begin()) {
            int next = cluster.catalogs.writer(DatabaseDesc.POSTGRES, tx2).createNamespace("s2", 10);
            assertTrue(Integer.compareUnsigned(next, t.oid()) > 0, "no OID is handed out twice after restart");
        }
    }

    @Test
    void indexesConstraintsAndTheirDeparse() {
        Transaction tx = cluster.begin();
        CatalogWriter w = cluster.writer(tx);
        RelationDesc a = createA(w);
        IndexDesc pk = addPrimaryKey(w, a);
        w.addConstraint(a.oid(), NewConstraint.check("a_x_check", "(x > 0)", List.of(2)));
        RelationDesc b = w.createTable(new NewRelation("b", NamespaceDesc.PUBLIC, 10, 'p', List.of(
                NewColumn.of("id", TypeOids.INT4, -1), NewColumn.of("y", TypeOids.VARCHAR, 24),
                NewColumn.of("n", TypeOids.NUMERIC, ((10 << 16) | 2) + 4))));
        w.addConstraint(b.oid(), NewConstraint.foreignKey("b_id_fkey", List.of(1), a.oid(), List.of(1), pk.oid(),
                'a', 'c', 's'));
        IndexDesc bi = w.createIndex(new NewIndex("bi", b.oid(), List.of(2, 3),
                List.of(new IndexKeyDesc.ColumnOrder(true, false), new IndexKeyDesc.ColumnOrder(false, true)),
                false, false, false), null);
        Catalog c = cluster.catalog(tx);
        RelationDesc a2 = c.relation(a.oid());
        assertEquals(pk.oid(), a2.primaryKey().oid());
        assertEquals(2, a2.constraints().size());
        // Expected texts are what PostgreSQL 15 prints for the same objects.
        assertEquals("PRIMARY KEY (id)", RuleUtils.constraintDef(c, a2.constraints().get(0), PATH));
        assertEquals("CHECK ((x > 0))", RuleUtils.constraintDef(c, a2.constraints().get(1), PATH));
        assertEquals("FOREIGN KEY (id) REFERENCES a(id) ON DELETE CASCADE",
                RuleUtils.constraintDef(c, c.relation(b.oid()).constraints().getFirst(), PATH));
        assertEquals("CREATE UNIQUE INDEX a_pkey ON public.a USING btree (id)", RuleUtils.indexDef(c, pk, 0));
        assertEquals("CREATE INDEX bi ON public.b USING btree (y DESC NULLS LAST, n NULLS FIRST)",
                RuleUtils.indexDef(c, c.relation(b.oid()).indexes().getFirst(), 0));
        assertEquals("n", RuleUtils.indexDef(c, bi, 2));
        assertEquals("b_id_fkey1", w.chooseConstraintName("b", "id", "fkey", NamespaceDesc.PUBLIC));
        assertEquals("a_pkey1", w.chooseRelationName("a", null, "pkey", NamespaceDesc.PUBLIC));
        assertEquals("a_x_idx", w.chooseRelationName("a", "x", "idx", NamespaceDesc.PUBLIC));
        cluster.commit(tx);
    }

    @Test
    void dropReportsDependentsLikePostgres() {
        Transaction tx = cluster.begin();
        CatalogWriter w = cluster.writer(tx);
        RelationDesc a = createA(w);
        IndexDesc pk = addPrimaryKey(w, a);
        RelationDesc b = w.createTable(new NewRelation("b", NamespaceDesc.PUBLIC, 10, 'p',
                List.of(NewColumn.of("id", TypeOids.INT4, -1))));
        w.addConstraint(b.oid(), NewConstraint.foreignKey("b_id_fkey", List.of(1), a.oid(), List.of(1), pk.oid(),
                'a', 'c', 's'));
        w.createView(new NewRelation("v", NamespaceDesc.PUBLIC, 10, 'p', List.of(NewColumn.of("id", TypeOids.INT4, -1))),
                " SELECT a.id\n   FROM a;", List.of(a.oid()));
        cluster.commit(tx);

        Transaction tx2 = cluster.begin();
        TuskException e = assertThrows(TuskException.class, () -> cluster.writer(tx2).dropRelation(a.oid(), false));
        assertEquals(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, e.sqlState());
        assertEquals("cannot drop table a because other objects depend on it", e.getMessage());
        assertEquals("constraint b_id_fkey on table b depends on table a\nview v depends on table a", e.detail());
        assertEquals("Use DROP ... CASCADE to drop the dependent objects too.", e.hint());
        e = assertThrows(TuskException.class, () -> cluster.writer(tx2).dropRelation(pk.oid(), false));
        assertEquals("cannot drop index a_pkey because constraint a_pkey on table a requires it", e.getMessage());
        List<CatalogNotice> notices = cluster.writer(tx2).dropRelation(a.oid(), true);
        assertEquals(List.of(new CatalogNotice("drop cascades to 2 other objects",
                "drop cascades to constraint b_id_fkey on table b\ndrop cascades to view v")), notices);
        Catalog c = cluster.catalog(tx2);
        assertNull(c.lookupRelation(List.of("a"), PATH));
        assertNull(c.lookupRelation(List.of("v"), PATH));
        assertNull(c.lookupRelation(List.of("a_pkey"), PATH));
        assertEquals(0, c.relation(b.oid()).constraints().size());
        cluster.rollback(tx2);
        try (Transaction r = cluster.begin()) {
            assertNotNull(cluster.catalog(r).lookupRelation(List.of("v"), PATH), "the drop rolled back");
        }
    }

    @Test
    void columnChangesAndTruncateStorageSwap() {
        Transaction tx = cluster.begin();
        CatalogWriter w = cluster.writer(tx);
        RelationDesc a = createA(w);
        HeapAm heap = new HeapAm(cluster.engine.buffers(), cluster.engine.smgr(), cluster.engine.transactions());
        heap.insert(tx, a.heapRelation(), new Object[] {1, 2, "z"});
        w.dropColumn(a.oid(), 2, false);
        w.renameColumn(a.oid(), 3, "label");
        ColumnDesc added = w.addColumn(a.oid(), NewColumn.of("extra", TypeOids.TEXT, -1));
        assertEquals(4, added.attnum());
        w.setDefault(a.oid(), 1, "42");
        w.setNotNull(a.oid(), 3, true);
        RelationDesc now = cluster.catalog(tx).relation(a.oid());
        assertEquals(List.of("id", "label", "extra"), now.liveColumns().stream().map(ColumnDesc::name).toList());
        assertTrue(now.column(2).dropped());
        assertEquals("........pg.dropped.2........", now.column(2).name());
        assertEquals("42", now.column(1).defaultExpr());
        assertEquals(4, now.storageDesc().natts());
        var oldLocator = now.locator();
        var fresh = w.setNewRelfilenode(a.oid());
        assertNotEquals(oldLocator, fresh);
        try (HeapScan s = heap.scan(cluster.catalog(tx).relation(a.oid()).heapRelation(), tx.currentSnapshot())) {
            assertTrue(!s.hasNext(), "the new file is empty");
        }
        cluster.commit(tx);
        assertTrue(!cluster.engine.smgr().exists(oldLocator, ForkNumber.MAIN), "old file dropped at commit");
    }

    @Test
    void sequencesAndOwnership() {
        Transaction tx = cluster.begin();
        CatalogWriter w = cluster.writer(tx);
        RelationDesc a = createA(w);
        RelationDesc seq = w.createSequence(new NewRelation("a_id_seq", NamespaceDesc.PUBLIC, 10, 'p', List.of()),
                new SequenceDesc(0, TypeOids.INT4, 1, 1, Integer.MAX_VALUE, 1, 1, false));
        w.setSequenceOwner(seq.oid(), a.oid(), 1);
        Catalog c = cluster.catalog(tx);
        assertEquals('S', c.relation(seq.oid()).relkind());
        assertEquals(Integer.MAX_VALUE, c.sequence(seq.oid()).max());
        assertEquals(seq.oid(), c.ownedSequence(a.oid(), 1));
        w.dropRelation(a.oid(), false);
        assertNull(cluster.catalog(tx).relation(seq.oid()), "an owned sequence goes with its table");
        cluster.commit(tx);
    }

    @Test
    void rolesAndDatabases() {
        Transaction tx = cluster.begin();
        CatalogWriter w = cluster.writer(tx);
        int role = w.createRole(new RoleDesc(0, "alice", false, true, false, false, true, false, false, -1,
                ScramSecrets.md5("pencil", "alice"), null));
        TuskException e = assertThrows(TuskException.class, () -> w.createRole(new RoleDesc(0, "alice", false, true,
                false, false, true, false, false, -1, null, null)));
        assertEquals("role \"alice\" already exists", e.getMessage());
        int db = w.createDatabase("shop", role, "template1");
        cluster.commit(tx);
        try (Transaction r = cluster.begin()) {
            Catalog c = cluster.catalogs.catalog(db, r, "alice");
            assertEquals("shop", c.database(db).name());
            assertEquals(role, c.database(db).ownerOid());
            assertEquals(1259, c.relation(NamespaceDesc.PG_CATALOG, "pg_class").oid());
        }
        Transaction tx2 = cluster.begin();
        cluster.catalogs.writer(DatabaseDesc.POSTGRES, tx2).dropDatabase(db);
        cluster.commit(tx2);
        try (Transaction r = cluster.begin()) {
            assertNull(cluster.catalog(r).database("shop"));
        }
    }

    @Test
    void committedDdlSurvivesACrash() {
        Transaction tx = cluster.begin();
        CatalogWriter w = cluster.writer(tx);
        RelationDesc a = createA(w);
        int db = w.createDatabase("crashdb", 10, "template1");
        cluster.commit(tx);
        Transaction lost = cluster.begin();
        cluster.writer(lost).createNamespace("never", 10);
        cluster.engine.wal().flushAll();
        cluster.engine.closeAfterCrash();
        cluster.engine = dev.tusk.storage.StorageEngine.open(dir, CatalogTestCluster.CONFIG);
        cluster.catalogs = CatalogManager.open(cluster.engine);
        try (Transaction r = cluster.begin()) {
            Catalog c = cluster.catalog(r);
            assertEquals(a.oid(), c.resolveRelation(List.of("a"), PATH).oid());
            assertNull(c.namespace("never"), "uncommitted DDL is gone after the crash");
            assertEquals("crashdb", c.database(db).name());
            Catalog inNew = cluster.catalogs.catalog(db, r, "postgres");
            assertEquals(1259, inNew.relation(NamespaceDesc.PG_CATALOG, "pg_class").oid());
            assertNull(inNew.lookupRelation(List.of("a"), PATH), "table a lives in database postgres, not in the copy of template1");
        }
    }

    @Test
    void dropSchemaCascadesToItsRelations() {
        Transaction tx = cluster.begin();
        CatalogWriter w = cluster.writer(tx);
        int nsp = w.createNamespace("s", 10);
        RelationDesc t = w.createTable(new NewRelation("t", nsp, 10, 'p', List.of(NewColumn.of("a", TypeOids.INT4, -1))));
        w.createView(new NewRelation("v", nsp, 10, 'p', List.of(NewColumn.of("a", TypeOids.INT4, -1))),
                " SELECT t.a\n   FROM s.t;", List.of(t.oid()));
        TuskException e = assertThrows(TuskException.class, () -> w.dropNamespace(nsp, false));
        assertEquals("cannot drop schema s because other objects depend on it", e.getMessage());
        assertEquals("table s.t depends on schema s\nview s.v depends on schema s", e.detail());
        List<CatalogNotice> n = w.dropNamespace(nsp, true);
        assertEquals("drop cascades to 2 other objects", n.getFirst().message());
        assertEquals("drop cascades to table s.t\ndrop cascades to view s.v", n.getFirst().detail());
        Catalog c = cluster.catalog(tx);
        assertNull(c.namespace("s"));
        assertNull(c.relation(t.oid()));
        cluster.commit(tx);
    }

    @Test
    void viewsKeepTheirDefinitionAndCanBeReplaced() {
        Transaction tx = cluster.begin();
        CatalogWriter w = cluster.writer(tx);
        RelationDesc a = createA(w);
        RelationDesc v = w.createView(new NewRelation("v", NamespaceDesc.PUBLIC, 10, 'p',
                List.of(NewColumn.of("id", TypeOids.INT4, -1))), " SELECT a.id\n   FROM a;", List.of(a.oid()));
        assertEquals(" SELECT a.id\n   FROM a;", v.viewDefinition());
        assertNull(v.locator());
        RelationDesc v2 = w.replaceView(v.oid(), List.of(NewColumn.of("id", TypeOids.INT4, -1),
                NewColumn.of("x", TypeOids.INT4, -1)), " SELECT a.id,\n    a.x\n   FROM a;", List.of(a.oid()));
        assertEquals(2, v2.liveColumns().size());
        assertEquals(" SELECT a.id,\n    a.x\n   FROM a;", v2.viewDefinition());
        assertEquals(1, cluster.catalog(tx).dependents(a.oid()).size());
        cluster.commit(tx);
    }

    @Test
    void constraintAndRoleDependencies() {
        Transaction tx = cluster.begin();
        CatalogWriter w = cluster.writer(tx);
        RelationDesc c1 = w.createTable(new NewRelation("c1", NamespaceDesc.PUBLIC, 10, 'p',
                List.of(NewColumn.of("a", TypeOids.INT4, -1))));
        IndexDesc key = w.createIndex(new NewIndex("c1_a_key", c1.oid(), List.of(1),
                List.of(IndexKeyDesc.ColumnOrder.ASC), true, false, false), null);
        int uk = w.addConstraint(c1.oid(), NewConstraint.unique("c1_a_key", List.of(1), key.oid()));
        RelationDesc c2 = w.createTable(new NewRelation("c2", NamespaceDesc.PUBLIC, 10, 'p',
                List.of(NewColumn.of("b", TypeOids.INT4, -1))));
        w.addConstraint(c2.oid(), NewConstraint.foreignKey("c2_b_fkey", List.of(1), c1.oid(), List.of(1), key.oid(),
                'a', 'a', 's'));
        TuskException e = assertThrows(TuskException.class, () -> w.dropConstraint(uk, false));
        assertEquals("cannot drop constraint c1_a_key on table c1 because other objects depend on it", e.getMessage());
        assertEquals("constraint c2_b_fkey on table c2 depends on index c1_a_key", e.detail());
        List<CatalogNotice> n = w.dropConstraint(uk, true);
        assertEquals(List.of(new CatalogNotice("drop cascades to constraint c2_b_fkey on table c2", null)), n);
        Catalog c = cluster.catalog(tx);
        assertNull(c.relation(key.oid()), "the constraint's index went with it");
        assertEquals(0, c.relation(c2.oid()).constraints().size());

        int alice = w.createRole(new RoleDesc(0, "alice", false, true, false, false, false, false, false, -1, null,
                null));
        w.createTable(new NewRelation("at", NamespaceDesc.PUBLIC, alice, 'p', List.of()));
        w.createNamespace("asch", alice);
        e = assertThrows(TuskException.class, () -> w.dropRole(alice));
        assertEquals("role \"alice\" cannot be dropped because some objects depend on it", e.getMessage());
        assertEquals("owner of table at\nowner of schema asch", e.detail());
        cluster.rollback(tx);
    }

    @Test
    void dropSequenceUsedByADefaultNeedsCascade() {
        Transaction tx = cluster.begin();
        CatalogWriter w = cluster.writer(tx);
        RelationDesc a = createA(w);
        RelationDesc seq = w.createSequence(new NewRelation("a_id_seq", NamespaceDesc.PUBLIC, 10, 'p', List.of()),
                new SequenceDesc(0, TypeOids.INT4, 1, 1, Integer.MAX_VALUE, 1, 1, false));
        w.setSequenceOwner(seq.oid(), a.oid(), 1);
        w.setDefault(a.oid(), 1, "nextval('a_id_seq'::regclass)");
        w.addDefaultDependency(a.oid(), 1, seq.oid());
        TuskException e = assertThrows(TuskException.class, () -> w.dropRelation(seq.oid(), false));
        assertEquals("cannot drop sequence a_id_seq because other objects depend on it", e.getMessage());
        assertEquals("default value for column id of table a depends on sequence a_id_seq", e.detail());
        assertEquals(List.of(new CatalogNotice("drop cascades to default value for column id of table a", null)),
                w.dropRelation(seq.oid(), true));
        RelationDesc after = cluster.catalog(tx).relation(a.oid());
        assertNull(after.column(1).defaultExpr());
        assertEquals("'n'::character varying", after.column(3).defaultExpr(), "other defaults stay");
        cluster.commit(tx);
    }

    @Test
    void dropColumnReferencedByAForeignKey() {
        Transaction tx = cluster.begin();
        CatalogWriter w = cluster.writer(tx);
        RelationDesc a = createA(w);
        IndexDesc pk = addPrimaryKey(w, a);
        RelationDesc b = w.createTable(new NewRelation("b", NamespaceDesc.PUBLIC, 10, 'p',
                List.of(NewColumn.of("r", TypeOids.INT4, -1))));
        w.addConstraint(b.oid(), NewConstraint.foreignKey("b_r_fkey", List.of(1), a.oid(), List.of(1), pk.oid(),
                'a', 'a', 's'));
        TuskException e = assertThrows(TuskException.class, () -> w.dropColumn(a.oid(), 1, false));
        assertEquals("cannot drop column id of table a because other objects depend on it", e.getMessage());
        assertEquals("constraint b_r_fkey on table b depends on column id of table a", e.detail());
        assertEquals(List.of(new CatalogNotice("drop cascades to constraint b_r_fkey on table b", null)),
                w.dropColumn(a.oid(), 1, true));
        Catalog c = cluster.catalog(tx);
        assertEquals(0, c.relation(b.oid()).constraints().size());
        assertEquals(0, c.relation(a.oid()).constraints().size(), "the primary key went with its column");
        assertNull(c.relation(pk.oid()));
        cluster.rollback(tx);
    }
}
