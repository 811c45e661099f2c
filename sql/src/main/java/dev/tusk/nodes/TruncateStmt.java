package dev.tusk.nodes;

import java.util.List;

/** TRUNCATE [TABLE] [ONLY] a, b [RESTART|CONTINUE IDENTITY] [CASCADE|RESTRICT] (PostgreSQL's {@code TruncateStmt}). */
public record TruncateStmt(List<RangeVar> relations, boolean restartSeqs, DropBehavior behavior) implements Stmt {
    public TruncateStmt {
        relations = List.copyOf(relations);
    }
}
