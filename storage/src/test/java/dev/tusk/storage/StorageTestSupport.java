package dev.tusk.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.access.transam.XLog;
import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.smgr.Smgr;
import dev.tusk.utils.memory.OffHeapAllocator;

/** The end of life shared by the access-method test environments: a simulated crash or a checked close. */
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
}
