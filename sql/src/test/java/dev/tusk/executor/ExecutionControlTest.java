package dev.tusk.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.Transaction;
import dev.tusk.optimizer.PlanningContext;
import dev.tusk.optimizer.QueryPlanner;
import dev.tusk.utils.error.TuskException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming cursors, cancellation (57014), and the statement's own writes seen through command ids. */
class ExecutionControlTest {
    @TempDir
    static Path dir;
    static QueryFixture db;

    @BeforeAll
    static void setUp() {
        db = new QueryFixture(dir);
        db.session.ok("CREATE TABLE many (k int, pad text)");
        db.session.ok("INSERT INTO many SELECT g, repeat('x', 50) FROM generate_series(1, 20000) g");
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void cursorStreamsAndCancelStopsIt() {
        var engine = db.cluster.engine();
        try (Transaction tx = engine.storage().transactions().begin()) {
            PlanningContext pc = QueryTestPlans.context(engine, tx, new int[0]);
            PlannedQuery q = (PlannedQuery) QueryPlanner.plan(QueryTestPlans.parse("SELECT k, pad FROM many"), pc);
            assertTrue(q.plan().explain().startsWith("Project"), q.plan().explain());
            assertTrue(q.plan().explain().contains("Seq Scan on many"));
            AtomicBoolean cancel = new AtomicBoolean();
            ExecContext ctx = new ExecContext(engine.storage(), tx, tx.statementSnapshot(), pc.catalog(),
                    pc.functions(), null, cancel::get);
            try (RowCursor c = q.open(ctx)) {
                for (int i = 0; i < 10; i++) {
                    assertNotNull(c.next());
                }
                cancel.set(true);
                TuskException e = assertThrows(TuskException.class, () -> {
                    for (int i = 0; i < 20000; i++) {
                        c.next();
                    }
                });
                assertEquals("57014", e.sqlState().code());
                assertEquals("canceling statement due to user request", e.getMessage());
            }
            assertEquals(0, engine.storage().buffers().pinnedBuffers(), "scan left a buffer pinned");
        }
    }

    @Test
    void abandonedCursorReleasesItsPin() {
        var engine = db.cluster.engine();
        try (Transaction tx = engine.storage().transactions().begin()) {
            PlanningContext pc = QueryTestPlans.context(engine, tx, new int[0]);
            PlannedQuery q = (PlannedQuery) QueryPlanner.plan(QueryTestPlans.parse("SELECT * FROM many"), pc);
            ExecContext ctx = new ExecContext(engine.storage(), tx, tx.statementSnapshot(), pc.catalog(),
                    pc.functions(), null, null);
            RowCursor c = q.open(ctx);
            assertNotNull(c.next());
            c.close();
            assertEquals(0, engine.storage().buffers().pinnedBuffers());
        }
    }

    @Test
    void bigAggregatesAndJoins() {
        assertEquals("20000|200010000", String.join("|", db.rows("SELECT count(*), sum(k) FROM many").get(0)));
        assertEquals("10000", db.value("SELECT count(*) FROM many a JOIN many b ON a.k = b.k * 2"));
        assertEquals("10000", db.value("SELECT count(*) FROM many WHERE k IN (SELECT k * 2 FROM many)"));
        assertEquals("19999", db.value("SELECT count(DISTINCT k / 1) FROM many WHERE k > 1"));
    }
}
