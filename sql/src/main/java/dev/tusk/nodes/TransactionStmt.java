package dev.tusk.nodes;

import java.util.List;

/**
 * Transaction control (PostgreSQL's {@code TransactionStmt}): BEGIN [WORK|TRANSACTION] and START TRANSACTION with
 * modes, COMMIT/END, ROLLBACK/ABORT, SAVEPOINT name, RELEASE [SAVEPOINT] name, ROLLBACK [WORK|TRANSACTION] TO
 * [SAVEPOINT] name, [COMMIT|ROLLBACK] AND [NO] CHAIN, PREPARE TRANSACTION / COMMIT PREPARED / ROLLBACK PREPARED.
 * Modes are DefElems transaction_isolation (AConst Str "serializable", "repeatable read", "read committed",
 * "read uncommitted"), transaction_read_only (AConst Bool), transaction_deferrable (AConst Bool).
 */
public record TransactionStmt(Kind kind, List<DefElem> options, String savepointName, String gid, boolean chain)
        implements Stmt {
    public TransactionStmt {
        options = List.copyOf(options);
    }

    public enum Kind {
        BEGIN, START, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO, PREPARE, COMMIT_PREPARED, ROLLBACK_PREPARED
    }
}
