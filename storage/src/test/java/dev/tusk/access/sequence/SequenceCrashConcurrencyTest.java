package dev.tusk.access.sequence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.StorageEngine;
import dev.tusk.storage.StorageTestSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nextval from several sessions (with and without a session cache) while checkpoints move the redo point
 * underneath them, then a crash: no value whose use was committed is handed out again. This is the race the
 * "page LSN at or before the redo pointer" rule closes: a nextval that does not log must only happen while
 * the checkpoint that will write the page has not yet chosen its redo point.
 */
class SequenceCrashConcurrencyTest {
    static final StorageEngine.Config SMALL = SequenceAmTest.SMALL;
    static final RelFileLocator SEQ = RelFileLocator.of(5, 16610);

    @TempDir
    Path dir;

    @Test
    void committedValuesNeverComeBackAfterACrashWithConcurrentCheckpoints() throws Exception {
        StorageEngine.bootstrap(dir, 1L, SMALL);
        StorageEngine e = StorageEngine.open(dir, SMALL);
        SequenceParams p = SequenceParams.resolve(null, null, null, null, 3L, null);
        Transaction setup = e.transactions().begin();
        new SequenceAm(e.buffers(), e.smgr(), e.wal()).create(setup, SEQ, p);
        setup.commit();
        Set<Long> committed = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < 3; round++) {
            StorageEngine engine = e;
            SequenceAm am = new SequenceAm(engine.buffers(), engine.smgr(), engine.wal());
            List<StorageTestSupport.Work> jobs = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                boolean cached = w % 2 == 0;
                jobs.add(() -> {
                    SequenceCache cache = cached ? new SequenceCache() : null;
                    for (int i = 0; i < 150; i++) {
                        Transaction tx = engine.transactions().begin();
                        long v = am.nextval(SEQ, p, "s", cache, tx);
                        tx.commit(); // the value is "used" durably from here on
                        if (!committed.add(v)) {
                            throw new AssertionError("value " + v + " handed out twice");
                        }
                    }
                });
            }
            StorageTestSupport.runUnderCheckpoints(engine, 1, jobs);
            long max = committed.stream().mapToLong(Long::longValue).max().orElseThrow();
            engine.closeAfterCrash();
            e = StorageEngine.open(dir, SMALL);
            Transaction tx = e.transactions().begin();
            long next = new SequenceAm(e.buffers(), e.smgr(), e.wal()).nextval(SEQ, p, "s", null, tx);
            tx.commit();
            assertTrue(next > max, "round " + round + ": after the crash nextval gave " + next
                    + " though " + max + " was committed");
            committed.add(next);
        }
        e.close();
    }
}
