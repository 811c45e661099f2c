package dev.tusk.storage.buffer;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.smgr.Smgr;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-fork cached block count plus the relation extension lock (PostgreSQL's {@code smgr_cached_nblocks}
 * and {@code LockRelationForExtension}). The count is changed only under the fork's extension lock; -1
 * means "unknown, ask the storage manager".
 */
final class RelSizeCache {
    private record ForkKey(RelFileLocator rel, ForkNumber fork) {
    }

    static final class ForkSize {
        final ReentrantLock extensionLock = new ReentrantLock();
        volatile long nblocks = -1;
    }

    private final ConcurrentHashMap<ForkKey, ForkSize> sizes = new ConcurrentHashMap<>();
    private final Smgr smgr;

    RelSizeCache(Smgr smgr) {
        this.smgr = smgr;
    }

    ForkSize of(RelFileLocator rel, ForkNumber fork) {
        return sizes.computeIfAbsent(new ForkKey(rel, fork), k -> new ForkSize());
    }

    /** The fork's block count, asking the storage manager only when not cached. */
    long nblocks(RelFileLocator rel, ForkNumber fork) {
        ForkSize fs = of(rel, fork);
        long n = fs.nblocks;
        if (n >= 0) {
            return n;
        }
        fs.extensionLock.lock();
        try {
            return loadLocked(fs, rel, fork);
        } finally {
            fs.extensionLock.unlock();
        }
    }

    /** The block count; the caller holds {@code fs.extensionLock}. */
    long loadLocked(ForkSize fs, RelFileLocator rel, ForkNumber fork) {
        long n = fs.nblocks;
        if (n < 0) {
            n = smgr.nblocks(rel, fork);
            fs.nblocks = n;
        }
        return n;
    }

    /** Forgets the cached count (after a truncation or unlink). */
    void forget(RelFileLocator rel, ForkNumber fork) {
        ForkSize fs = of(rel, fork);
        fs.extensionLock.lock();
        try {
            fs.nblocks = -1;
        } finally {
            fs.extensionLock.unlock();
        }
    }
}
