package dev.tusk.bench;

import dev.tusk.access.transam.RmgrId;
import dev.tusk.access.transam.XLog;
import dev.tusk.access.transam.XLogRecordBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Throughput of {@link XLog#insert} (PostgreSQL's XLogInsert) for 100-byte records from one and from two
 * threads, without an fsync per operation: only what the full WAL buffers force out is written. Every trial
 * gets a fresh WAL in a temporary directory, deleted at teardown.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WalInsertBench {
    /** Main data of each record; with the 32-byte header a record takes 136 bytes of WAL. */
    static final int RECORD_BYTES = 100;

    @State(Scope.Benchmark)
    public static class Wal {
        Path dir;
        XLog wal;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory("tusk-wal-bench");
            wal = XLog.open(dir.resolve("pg_wal"), 1, 0, XLog.Options.defaults());
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            wal.close();
            BenchFiles.deleteTree(dir);
        }
    }

    @State(Scope.Thread)
    public static class Payload {
        final byte[] data = new byte[RECORD_BYTES];
        long xid = 3;
    }

    private static long insertOne(Wal w, Payload p) {
        return w.wal.insert(new XLogRecordBuilder(RmgrId.HEAP, 0, p.xid++).mainData(p.data));
    }

    @Benchmark
    @Threads(1)
    public long insert1Thread(Wal w, Payload p) {
        return insertOne(w, p);
    }

    @Benchmark
    @Threads(2)
    public long insert2Threads(Wal w, Payload p) {
        return insertOne(w, p);
    }
}
