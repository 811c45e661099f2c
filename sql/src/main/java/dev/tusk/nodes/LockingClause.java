package dev.tusk.nodes;

import java.util.List;

/** FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE [OF rels] [NOWAIT | SKIP LOCKED] (PostgreSQL's {@code LockingClause}). */
public record LockingClause(List<RangeVar> lockedRels, Strength strength, WaitPolicy waitPolicy) implements Node {
    public LockingClause {
        lockedRels = List.copyOf(lockedRels);
    }

    public enum Strength { FOR_KEY_SHARE, FOR_SHARE, FOR_NO_KEY_UPDATE, FOR_UPDATE }

    public enum WaitPolicy { BLOCK, SKIP, ERROR }
}
