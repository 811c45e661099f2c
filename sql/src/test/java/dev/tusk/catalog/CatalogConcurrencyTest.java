package dev.tusk.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.Transaction;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Catalog name uniqueness under concurrent DDL, and databases in use by other sessions. */
class CatalogConcurrencyTest extends CatalogClusterTest {
    private static NewRelation table(String name) {
        return new NewRelation(name, NamespaceDesc.PUBLIC, 10, 'p', List.of(NewColumn.of("a", TypeOids.INT4, -1)));
    }

    /** Runs {@code ddl} in a new transaction on another thread and commits it; the result is its error or null. */
    private CompletableFuture<TuskException> concurrently(Function<CatalogWriter, Object> ddl) {
        return CompletableFuture.supplyAsync(() -> {
            Transaction tx = cluster.begin();
            try {
                ddl.apply(cluster.writer(tx));
                cluster.commit(tx);
                return null;
            } catch (TuskException e) {
                cluster.rollback(tx);
                return e;
            }
        });
    }

    private static void assertBlocked(CompletableFuture<?> f) {
        assertThrows(TimeoutException.class, () -> f.get(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void secondCreatorOfARelationNameWaitsAndFailsWhenTheFirstCommits() throws Exception {
        Transaction first = cluster.begin();
        cluster.writer(first).createTable(table("race"));
        CompletableFuture<TuskException> second = concurrently(w -> w.createTable(table("race")));
        assertBlocked(second);
        cluster.commit(first);
        TuskException e = second.get(10, TimeUnit.SECONDS);
        assertNotNull(e, "the second CREATE TABLE must fail");
        assertEquals(SqlState.DUPLICATE_TABLE, e.sqlState());
        assertEquals("relation \"race\" already exists", e.getMessage());
        try (Transaction tx = cluster.begin()) {
            long n = cluster.catalog(tx).listRelations().stream().filter(r -> r.name().equals("race")).count();
            assertEquals(1, n);
        }
    }

    @Test
    void secondCreatorSucceedsWhenTheFirstRollsBack() throws Exception {
        Transaction first = cluster.begin();
        cluster.writer(first).createNamespace("s1", 10);
        CompletableFuture<TuskException> second = concurrently(w -> w.createNamespace("s1", 10));
        assertBlocked(second);
        cluster.rollback(first);
        assertNull(second.get(10, TimeUnit.SECONDS));
        try (Transaction tx = cluster.begin()) {
            assertNotNull(cluster.catalog(tx).namespace("s1"));
        }
    }

    @Test
    void concurrentRoleAndDatabaseNamesAreUniqueToo() throws Exception {
        Transaction first = cluster.begin();
        cluster.writer(first).createRole(new RoleDesc(0, "bob", false, true, false, false, true, false, false, -1,
                null, null));
        CompletableFuture<TuskException> second = concurrently(w -> w.createRole(new RoleDesc(0, "bob", false, true,
                false, false, true, false, false, -1, null, null)));
        assertBlocked(second);
        cluster.commit(first);
        assertEquals(SqlState.DUPLICATE_OBJECT, second.get(10, TimeUnit.SECONDS).sqlState());
    }

    @Test
    void crossedWaitsAreADeadlock() throws Exception {
        Transaction t1 = cluster.begin();
        Transaction t2 = cluster.begin();
        cluster.writer(t1).createTable(table("x"));
        cluster.writer(t2).createTable(table("y"));
        CompletableFuture<Object> t1WaitsForT2 = CompletableFuture.supplyAsync(() -> {
            try {
                return cluster.writer(t1).createTable(table("y"));
            } catch (TuskException e) {
                return e;
            }
        });
        assertBlocked(t1WaitsForT2);
        TuskException e = assertThrows(TuskException.class, () -> cluster.writer(t2).createTable(table("x")));
        assertEquals(SqlState.T_R_DEADLOCK_DETECTED, e.sqlState());
        cluster.rollback(t2);
        Object r = t1WaitsForT2.get(10, TimeUnit.SECONDS);
        assertTrue(r instanceof RelationDesc, "t1 gets y once t2 is gone: " + r);
        cluster.commit(t1);
    }

    @Test
    void dropDatabaseRefusesDatabasesWithOtherSessions() throws ExecutionException, InterruptedException {
        Transaction tx = cluster.begin();
        int db = cluster.writer(tx).createDatabase("d2", 10, "template1");
        cluster.commit(tx);
        cluster.catalogs.sessionConnected(db);
        assertEquals(1, cluster.catalogs.sessionCount(db));
        Transaction drop = cluster.begin();
        TuskException e = assertThrows(TuskException.class, () -> cluster.writer(drop).dropDatabase(db));
        assertEquals(SqlState.OBJECT_IN_USE, e.sqlState());
        assertEquals("database \"d2\" is being accessed by other users", e.getMessage());
        assertEquals("There is 1 other session using the database.", e.detail());
        cluster.rollback(drop);
        cluster.catalogs.sessionDisconnected(db);
        assertEquals(0, cluster.catalogs.sessionCount(db));
        Transaction drop2 = cluster.begin();
        cluster.writer(drop2).dropDatabase(db);
        cluster.commit(drop2);
        try (Transaction check = cluster.begin()) {
            assertNull(cluster.catalog(check).database("d2"));
        }
    }

    @Test
    void createDatabaseRefusesATemplateOtherSessionsUse() {
        cluster.catalogs.sessionConnected(DatabaseDesc.TEMPLATE1);
        cluster.catalogs.sessionConnected(DatabaseDesc.TEMPLATE1);
        Transaction tx = cluster.begin();
        TuskException e = assertThrows(TuskException.class,
                () -> cluster.writer(tx).createDatabase("d3", 10, "template1"));
        assertEquals("source database \"template1\" is being accessed by other users", e.getMessage());
        assertEquals("There are 2 other sessions using the database.", e.detail());
        cluster.rollback(tx);
        assertFalse(cluster.catalogs.sessionCount(DatabaseDesc.TEMPLATE1) == 0);
    }
}
