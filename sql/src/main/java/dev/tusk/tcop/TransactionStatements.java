package dev.tusk.tcop;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.DefElem;
import dev.tusk.nodes.Node;
import dev.tusk.nodes.TransactionStmt;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.List;

/** BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK TO (utility.c's TransactionStmt cases). */
final class TransactionStatements {
    private TransactionStatements() {
    }

    static String run(TuskSession session, TransactionStmt stmt) {
        TransactionBlock xact = session.xact();
        switch (stmt.kind()) {
            case BEGIN, START -> {
                TuskException warning = xact.begin();
                if (warning != null) {
                    session.addNotice(warning);
                }
                applyModes(xact, stmt.options());
                return stmt.kind() == TransactionStmt.Kind.BEGIN ? "BEGIN" : "START TRANSACTION";
            }
            case COMMIT -> {
                TransactionBlock.EndResult r = stmt.chain() ? xact.endAndChain(true) : xact.commit();
                if (r.warning() != null) {
                    session.addNotice(r.warning());
                }
                return r.tag();
            }
            case ROLLBACK -> {
                TransactionBlock.EndResult r = stmt.chain() ? xact.endAndChain(false) : xact.rollback();
                if (r.warning() != null) {
                    session.addNotice(r.warning());
                }
                return r.tag();
            }
            case SAVEPOINT -> {
                xact.savepoint(stmt.savepointName());
                return "SAVEPOINT";
            }
            case RELEASE -> {
                xact.release(stmt.savepointName());
                return "RELEASE";
            }
            case ROLLBACK_TO -> {
                xact.rollbackTo(stmt.savepointName());
                // The transaction's private view of the catalogs may show DDL that was just undone.
                if (xact.transactionIfStarted() != null) {
                    session.engine().catalogs().subtransactionAborted(xact.transactionIfStarted());
                }
                session.catalogChanged();
                return "ROLLBACK";
            }
            default -> throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED,
                    "prepared transactions are disabled")
                    .withHint("Set max_prepared_transactions to a nonzero value.");
        }
    }

    /** The transaction_isolation / transaction_read_only / transaction_deferrable DefElems of BEGIN or SET TRANSACTION. */
    static void applyModes(TransactionBlock xact, List<DefElem> options) {
        for (DefElem d : options) {
            switch (d.defname()) {
                case "transaction_isolation" -> xact.setIsolation(TransactionBlock.parseIsolation(text(d.arg())));
                case "transaction_read_only" -> xact.setReadOnly(bool(d.arg()));
                case "transaction_deferrable" -> xact.setDeferrable(bool(d.arg()));
                default -> {
                }
            }
        }
    }

    static String text(Node n) {
        if (n instanceof AConst c && c.value() instanceof AConst.Literal.Str s) {
            return s.value();
        }
        return String.valueOf(n);
    }

    static boolean bool(Node n) {
        if (n instanceof AConst c) {
            return switch (c.value()) {
                case AConst.Literal.Bool b -> b.value();
                case AConst.Literal.Int i -> i.value() != 0;
                case AConst.Literal.Str s -> Boolean.TRUE.equals(dev.tusk.utils.misc.GucValues.parseBool(s.value()));
                default -> false;
            };
        }
        return false;
    }
}
