package dev.tusk.access.nbtree;

import static dev.tusk.access.nbtree.BTreeTestSupport.INT4;
import static dev.tusk.access.nbtree.BTreeTestSupport.assertSound;
import static dev.tusk.access.nbtree.BTreeTestSupport.drain;
import static dev.tusk.access.nbtree.BTreeTestSupport.tidOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.nbtree.BTreeTestSupport.FakeHeap;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BTreeUniqueTest {
    @TempDir
    Path dir;

    @Test
    void liveDuplicateIsA23505WithPostgresWording() {
        IndexKeyDesc keys = IndexKeyDesc.ascending(TupleDesc.of(Attribute.of("a", AttrType.INT4),
                Attribute.of("b", AttrType.TEXT)));
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 64)) {
            BTree tree = env.create(BTreeTestSupport.relation("t_a_b_key", 22001, keys, true));
            FakeHeap heap = new FakeHeap();
            for (int i = 0; i < 3000; i++) {
                tree.insert(new Object[] {i % 1000, "v" + i / 1000}, tidOf(i), heap);
            }
            TuskException e = assertThrows(TuskException.class,
                    () -> tree.insert(new Object[] {500, "v1"}, tidOf(9999), heap));
            assertEquals(SqlState.UNIQUE_VIOLATION, e.sqlState());
            assertEquals("duplicate key value violates unique constraint \"t_a_b_key\"", e.getMessage());
            assertEquals("Key (a, b)=(500, v1) already exists.", e.detail());
            // NULLs never conflict.
            tree.insert(new Object[] {500, null}, tidOf(10000), heap);
            tree.insert(new Object[] {500, null}, tidOf(10001), heap);
            assertEquals(3002, BTreeTestSupport.all(tree).size());
            assertSound(tree);
        }
    }

    @Test
    void deadDuplicatesAcrossPagesDoNotConflict() {
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 64)) {
            BTree tree = env.create(BTreeTestSupport.relation("u_idx", 22002, INT4, true));
            FakeHeap heap = new FakeHeap();
            // 1500 dead versions of key 7 span several leaf pages; then one live version may go in.
            for (int i = 0; i < 1500; i++) {
                tree.insert(new Object[] {7}, tidOf(i), heap);
                heap.dead(tidOf(i));
            }
            tree.insert(new Object[] {7}, tidOf(5000), heap);
            TuskException e = assertThrows(TuskException.class, () -> tree.insert(new Object[] {7}, tidOf(5001), heap));
            assertEquals("Key (id)=(7) already exists.", e.detail());
            assertEquals(1501, drain(tree.scanEqual(7)).size());
            assertSound(tree);
        }
    }

    @Test
    void inserterWaitsForAnInProgressDuplicateThenDecides() throws Exception {
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 64)) {
            BTree tree = env.create(BTreeTestSupport.relation("w_idx", 22003, INT4, true));
            FakeHeap heap = new FakeHeap();
            long first = tidOf(1);
            tree.insert(new Object[] {42}, first, heap);
            heap.inProgress(first, 100);
            // The second inserter must wait for xid 100; it aborts, so the insert then succeeds.
            CompletableFuture<Void> second = CompletableFuture.runAsync(
                    () -> tree.insert(new Object[] {42}, tidOf(2), heap));
            assertTrue(heap.awaitWaiter(100));
            assertEquals(1, drain(tree.scanEqual(42)).size(), "the waiter has not inserted yet");
            heap.finish(100, first, HeapLiveness.DEAD);
            second.get(30, TimeUnit.SECONDS);
            assertEquals(2, drain(tree.scanEqual(42)).size());

            // A third inserter waits on the second's transaction, which commits: 23505 after the wait.
            heap.inProgress(tidOf(2), 101);
            CompletableFuture<Void> third = CompletableFuture.runAsync(
                    () -> tree.insert(new Object[] {42}, tidOf(3), heap));
            assertTrue(heap.awaitWaiter(101));
            heap.finish(101, tidOf(2), HeapLiveness.LIVE);
            Exception ex = assertThrows(Exception.class, () -> third.get(30, TimeUnit.SECONDS));
            assertTrue(ex.getCause() instanceof TuskException t && t.sqlState() == SqlState.UNIQUE_VIOLATION,
                    () -> "expected 23505, got " + ex);
            assertSound(tree);
        }
    }
}
