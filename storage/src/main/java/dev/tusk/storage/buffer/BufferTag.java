package dev.tusk.storage.buffer;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;

/** The identity of a disk block held in a buffer (PostgreSQL's {@code BufferTag}). */
public record BufferTag(RelFileLocator rel, ForkNumber fork, long blockNo) {
    /** {@code relpathperm}: how PostgreSQL names the fork in messages, e.g. {@code base/5/16384_fsm}. */
    public String relationPath() {
        return relationPath(rel, fork);
    }

    static String relationPath(RelFileLocator rel, ForkNumber fork) {
        return rel.toString() + fork.fileSuffix();
    }

    boolean sameFork(RelFileLocator r, ForkNumber f) {
        return rel.equals(r) && fork == f;
    }
}
