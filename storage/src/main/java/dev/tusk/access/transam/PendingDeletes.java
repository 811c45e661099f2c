package dev.tusk.access.transam;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.smgr.Smgr;

/**
 * Removal of relation files whose fate depends on a transaction (PostgreSQL's {@code smgrDoPendingDeletes}
 * in {@code catalog/storage.c}): a table dropped by a transaction loses its files only after the commit
 * record is written; a table created by a transaction that aborts loses them after the abort record. The
 * commit/abort record lists the files, so redo removes them too.
 */
public final class PendingDeletes {
    /** What removes one relation's files (buffers first, then all forks on disk). */
    @FunctionalInterface
    public interface RelationDropper {
        void drop(RelFileLocator rel);
    }

    private PendingDeletes() {
    }

    /** The dropper over a buffer pool and storage manager. */
    public static RelationDropper dropper(BufferPool buffers, Smgr smgr) {
        return rel -> dropNow(buffers, smgr, rel);
    }

    /** DropRelationBuffers for every fork (without writing them), then smgrunlink. */
    public static void dropNow(BufferPool buffers, Smgr smgr, RelFileLocator rel) {
        for (ForkNumber fork : ForkNumber.values()) {
            buffers.dropRelationBuffers(rel, fork, 0);
        }
        smgr.unlink(rel);
    }
}
