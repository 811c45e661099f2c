package dev.tusk.nodes;

import java.util.List;

/** LOCK [TABLE] [ONLY] names [IN mode MODE] [NOWAIT] (PostgreSQL's {@code LockStmt}); mode is the mode text,
 * e.g. "ACCESS EXCLUSIVE" (the default). */
public record LockStmt(List<RangeVar> relations, String mode, boolean nowait) implements Stmt {
    public LockStmt {
        relations = List.copyOf(relations);
    }
}
