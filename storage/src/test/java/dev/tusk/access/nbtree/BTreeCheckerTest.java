package dev.tusk.access.nbtree;

import static dev.tusk.access.nbtree.BTreeTestSupport.INT4;
import static dev.tusk.access.nbtree.BTreeTestSupport.tidOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.page.Page;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker must notice damage, not only pass sound trees. */
class BTreeCheckerTest {
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @TempDir
    Path dir;

    private static BTree filled(BTreeTestSupport env, String name, int relNumber) {
        BTree tree = env.create(BTreeTestSupport.relation(name, relNumber, INT4, false));
        for (int k = 0; k < 3000; k++) {
            tree.insert(new Object[] {k}, tidOf(k));
        }
        BTreeTestSupport.assertSound(tree);
        return tree;
    }

    /** Changes the leftmost leaf in place, without WAL: deliberate corruption. */
    private static void damageLeftmostLeaf(BTreeTestSupport env, BTree tree, Consumer<MemorySegment> damage) {
        int buf = env.pool.readBuffer(tree.relation().locator(), ForkNumber.MAIN, tree.leftmostLeaf());
        env.pool.lockExclusive(buf);
        damage.accept(env.pool.page(buf));
        env.pool.markDirty(buf);
        env.pool.unlockAndRelease(buf);
    }

    @Test
    void outOfOrderKeyIsReportedAndThrowsIndexCorrupted() {
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 64)) {
            BTree tree = filled(env, "bad_order_idx", 26001);
            damageLeftmostLeaf(env, tree, page -> {
                MemorySegment t = Page.item(page, BTPageOpaque.firstDataKey(page) + 5);
                t.set(INT, IndexTuple.HEADER_SIZE, 1_000_000);
            });
            List<String> problems = new BTreeChecker(tree).check();
            assertTrue(problems.stream().anyMatch(p -> p.contains("out of order")), problems::toString);
            assertTrue(problems.stream().anyMatch(p -> p.contains("not found by a search")), problems::toString);
            TuskException e = assertThrows(TuskException.class, () -> new BTreeChecker(tree).checkOrThrow());
            assertEquals(SqlState.INDEX_CORRUPTED, e.sqlState());
            assertTrue(e.getMessage().startsWith("index \"bad_order_idx\" is corrupt: "), e.getMessage());
        }
    }

    @Test
    void brokenRightLinkIsReported() {
        try (BTreeTestSupport env = new BTreeTestSupport(dir, 64)) {
            BTree tree = filled(env, "bad_link_idx", 26002);
            damageLeftmostLeaf(env, tree, page -> BTPageOpaque.setNext(page, BTPageOpaque.P_NONE));
            List<String> problems = new BTreeChecker(tree).check();
            assertTrue(problems.stream().anyMatch(p -> p.contains("does not lead to a page")), problems::toString);
        }
    }
}
