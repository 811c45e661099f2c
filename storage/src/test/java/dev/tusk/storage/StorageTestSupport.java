package dev.tusk.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.access.transam.XLog;
import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.smgr.Smgr;
import dev.tusk.utils.memory.OffHeapAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The end of life shared by the access-method test environments (a simulated crash or a checked close), and
 * concurrent work under online checkpoints for crash tests.
 */
public final class StorageTestSupport {
    /** Where test WAL starts, and small segments so that tests cross segment boundaries. */
    public static final long WAL_START = 40;
    public static final XLog.Options WAL_OPTIONS = new XLog.Options(4 * 1024 * 1024, 1024 * 1024);

    private StorageTestSupport() {
    }

    /** Simulated crash: the WAL written so far survives (as commits would make it), buffers are dropped unwritten. */
    public static void crash(XLog wal, BufferPool pool, Smgr smgr) {
        wal.flushAll();
        assertEquals(0, pool.pinnedBuffers(), "pins leaked");
        pool.close();
        wal.close();
        smgr.close();
    }

    /** Clean close: writes dirty buffers, closes everything, and asserts no pin, byte or file handle leaked. */
    public static void closeChecked(XLog wal, BufferPool pool, Smgr smgr, OffHeapAllocator allocator) {
        assertEquals(0, pool.pinnedBuffers(), "pins leaked");
        pool.flushAll();
        pool.close();
        wal.close();
        smgr.close();
        assertEquals(0, allocator.allocatedBytes(), "off-heap memory leaked");
        assertEquals(0, smgr.openFiles(), "files left open");
    }

    /** One thread's work in {@link #runUnderCheckpoints}. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /**
     * Runs each job on its own platform thread while one more thread takes online checkpoints of {@code engine}
     * ({@code pauseMillis} apart) until the jobs are done, so that redo points move under them; then fails with
     * the first error any of the threads hit.
     */
    public static void runUnderCheckpoints(StorageEngine engine, long pauseMillis, List<Work> jobs)
            throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (Work job : jobs) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    job.run();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }));
        }
        Thread checkpointer = Thread.ofPlatform().start(() -> {
            try {
                while (!done.get()) {
                    engine.createCheckPoint(false);
                    Thread.sleep(pauseMillis);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        });
        for (Thread t : workers) {
            t.join(60_000);
        }
        done.set(true);
        checkpointer.join(60_000);
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }
}
