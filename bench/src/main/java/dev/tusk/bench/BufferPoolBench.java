package dev.tusk.bench;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.page.Page;
import dev.tusk.storage.smgr.Smgr;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Buffer pool hot paths (PostgreSQL's ReadBuffer/ReleaseBuffer): pin/unpin of a resident page, and a
 * shared-locked read of pages of a relation that fits in the pool, each on 1 and 2 threads. The pool is
 * real: off-heap frames, a relation file in a temporary data directory (deleted on teardown).
 *
 * <p>Run: {@code java --enable-native-access=ALL-UNNAMED -cp "bench/target/classes:bench/target/lib/*"
 * org.openjdk.jmh.Main BufferPoolBench}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class BufferPoolBench {
    static final RelFileLocator REL = RelFileLocator.of(5, 16384);
    static final int BUFFERS = 1024;
    static final int BLOCKS = 512;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    Path dataDir;
    Smgr smgr;
    BufferPool pool;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dataDir = Files.createTempDirectory("tusk-bufbench");
        smgr = new Smgr(dataDir);
        pool = new BufferPool(BUFFERS, smgr, upTo -> { });
        smgr.create(REL, ForkNumber.MAIN, false);
        for (int i = 0; i < BLOCKS; i++) {
            int b = pool.extend(REL, ForkNumber.MAIN);
            MemorySegment page = pool.page(b);
            Page.init(page, 0);
            page.set(LONG, Page.BLCKSZ - 8, i);
            pool.markDirty(b);
            pool.unlockAndRelease(b);
        }
        pool.flushAll();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        pool.close();
        smgr.close();
        BenchFiles.deleteTree(dataDir);
    }

    /** Each thread walks the relation from its own starting block. */
    @State(Scope.Thread)
    public static class Cursor {
        long next;

        @Setup(Level.Trial)
        public void setUp() {
            next = (long) (Math.random() * BLOCKS);
        }

        long nextBlock() {
            long b = next;
            next = b + 1 == BLOCKS ? 0 : b + 1;
            return b;
        }
    }

    private int pinUnpin() {
        int b = pool.readBuffer(REL, ForkNumber.MAIN, 0);
        pool.release(b);
        return b;
    }

    private long readPage(Cursor cursor) {
        int b = pool.readBuffer(REL, ForkNumber.MAIN, cursor.nextBlock());
        pool.lockShared(b);
        MemorySegment page = pool.page(b);
        long v = page.get(LONG, Page.BLCKSZ - 8) + Page.lower(page) + Page.upper(page);
        pool.unlock(b);
        pool.release(b);
        return v;
    }

    @Benchmark
    @Threads(1)
    public int pinUnpin1Thread() {
        return pinUnpin();
    }

    @Benchmark
    @Threads(2)
    public int pinUnpin2Threads() {
        return pinUnpin();
    }

    @Benchmark
    @Threads(1)
    public long pageRead1Thread(Cursor cursor) {
        return readPage(cursor);
    }

    @Benchmark
    @Threads(2)
    public long pageRead2Threads(Cursor cursor) {
        return readPage(cursor);
    }
}
