package dev.tusk.tcop;

import dev.tusk.access.transam.IsolationLevel;
import dev.tusk.access.transam.Transaction;
import dev.tusk.access.transam.TransactionManager;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.misc.GucSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A session's transaction block state machine (PostgreSQL's {@code TBlockState} in xact.c, with
 * {@code StartTransactionCommand}/{@code CommitTransactionCommand}/{@code AbortCurrentTransaction} and the
 * block commands). The storage transaction is started lazily on the first statement that needs one, so that
 * {@code BEGIN ISOLATION LEVEL ...} and {@code SET TRANSACTION} can still choose its mode.
 *
 * <p>States: DEFAULT (idle), STARTED (a single statement outside a block: commits when it ends),
 * IMPLICIT (the statements of one multi-statement simple Query: commit when the Query ends), INPROGRESS
 * (after BEGIN), ABORT (a statement of the block failed: only ROLLBACK, COMMIT and ROLLBACK TO are accepted).
 */
public final class TransactionBlock {
    public enum State { DEFAULT, STARTED, IMPLICIT, INPROGRESS, ABORT }

    /**
     * One SAVEPOINT: its name, the GUC nest level it opened, and the read-only mode before it (a SET TRANSACTION
     * READ ONLY inside a subtransaction ends with it, as xact.c restores prevXactReadOnly).
     */
    private record Savepoint(String name, int gucLevel, boolean readOnlyBefore) {}

    private final TransactionManager manager;
    private final GucSession gucs;
    private final Consumer<Transaction> onEnd;
    private final List<Savepoint> savepoints = new ArrayList<>();
    private State state = State.DEFAULT;
    private Transaction tx;
    private IsolationLevel isolation;
    private Boolean readOnly;
    private boolean storageAborted;
    private boolean deferrable;

    /** {@code onEnd} runs after every commit or abort of a storage transaction (catalog cache, sequences...). */
    public TransactionBlock(TransactionManager manager, GucSession gucs, Consumer<Transaction> onEnd) {
        this.manager = manager;
        this.gucs = gucs;
        this.onEnd = onEnd;
    }

    public State state() {
        return state;
    }

    /** ReadyForQuery's status byte. */
    public char status() {
        return switch (state) {
            case DEFAULT, STARTED, IMPLICIT -> 'I';
            case INPROGRESS -> 'T';
            case ABORT -> 'E';
        };
    }

    /** IsTransactionBlock: inside BEGIN ... or an implicit multi-statement block. */
    public boolean inBlock() {
        return state == State.IMPLICIT || state == State.INPROGRESS || state == State.ABORT;
    }

    public boolean inExplicitBlock() {
        return state == State.INPROGRESS || state == State.ABORT;
    }

    public boolean inSubtransaction() {
        return !savepoints.isEmpty();
    }

    /**
     * start_xact_command: a statement is about to run. In a failed block only {@code allowedWhenAborted}
     * statements (ROLLBACK, COMMIT, ROLLBACK TO) may; the rest get 25P02.
     */
    public void startStatement(boolean implicitBlock, boolean allowedWhenAborted) {
        switch (state) {
            case DEFAULT -> {
                state = implicitBlock ? State.IMPLICIT : State.STARTED;
                isolation = null;
                readOnly = null;
                deferrable = gucs.getBool("default_transaction_deferrable");
                storageAborted = false;
                gucs.pushLevel();
            }
            case ABORT -> {
                if (!allowedWhenAborted) {
                    throw XactErrors.inFailedTransaction();
                }
            }
            default -> {
            }
        }
    }

    /** The storage transaction, begun on first use with the mode BEGIN/SET TRANSACTION chose. */
    public Transaction transaction() {
        if (state == State.DEFAULT) {
            throw new IllegalStateException("no statement is running");
        }
        if (tx == null) {
            tx = manager.begin(isolation(), readOnly());
        }
        return tx;
    }

    /** The transaction if one has been begun, else null. */
    public Transaction transactionIfStarted() {
        return tx;
    }

    /** transaction_isolation: the running transaction's, else the one it will get. */
    public IsolationLevel isolation() {
        if (tx != null) {
            return tx.isolation();
        }
        if (isolation != null) {
            return isolation;
        }
        return parseIsolation(gucs.get("default_transaction_isolation"));
    }

    /** transaction_read_only. */
    public boolean readOnly() {
        if (tx != null) {
            return tx.isReadOnly();
        }
        if (readOnly != null) {
            return readOnly;
        }
        return gucs.getBool("default_transaction_read_only");
    }

    /** SET TRANSACTION ISOLATION LEVEL / BEGIN ISOLATION LEVEL. */
    public void setIsolation(IsolationLevel level) {
        if (tx != null) {
            tx.setIsolation(level);
        }
        isolation = level;
    }

    /** SET TRANSACTION READ ONLY / READ WRITE. */
    public void setReadOnly(boolean ro) {
        if (tx != null) {
            tx.setReadOnly(ro);
        }
        readOnly = ro;
    }

    /** finish_xact_command for a statement that succeeded: commits a single-statement transaction. */
    public void finishStatement() {
        switch (state) {
            case STARTED -> commitTop();
            case IMPLICIT, INPROGRESS -> {
                if (tx != null && tx.state() == Transaction.State.IN_PROGRESS) {
                    tx.commandCounterIncrement();
                }
            }
            default -> {
            }
        }
    }

    /** CommandCounterIncrement inside a running transaction. */
    public void commandCounterIncrement() {
        if (tx != null && tx.state() == Transaction.State.IN_PROGRESS) {
            tx.commandCounterIncrement();
        }
    }

    /** Sync: commits the implicit transaction of extended-protocol statements (state STARTED). */
    public void commitImplicit() {
        if (state == State.STARTED || state == State.IMPLICIT) {
            commitTop();
        }
    }

    /** End of a multi-statement simple Query: commits its implicit block (EndImplicitTransactionBlock). */
    public void finishImplicitBlock() {
        if (state == State.IMPLICIT) {
            commitTop();
        }
    }

    /** AbortCurrentTransaction after a failed statement. */
    public void statementFailed() {
        switch (state) {
            case STARTED, IMPLICIT -> abortTop();
            case INPROGRESS -> {
                state = State.ABORT;
                if (savepoints.isEmpty()) {
                    // Nothing can be rolled back to: release row locks and the xid now, as AbortTransaction does.
                    abortStorage();
                }
            }
            default -> {
            }
        }
    }

    // ---- transaction statements

    /** BEGIN / START TRANSACTION; returns a WARNING when already in a block, else null. */
    public TuskException begin() {
        switch (state) {
            case STARTED, IMPLICIT -> {
                state = State.INPROGRESS;
                return null;
            }
            case INPROGRESS -> {
                return XactErrors.alreadyInProgress();
            }
            default -> throw new IllegalStateException("BEGIN in state " + state);
        }
    }

    /** What COMMIT did: the tag and an optional warning. */
    public record EndResult(String tag, TuskException warning) {}

    /** SET TRANSACTION [NOT] DEFERRABLE (only reported; there is no serializable-deferrable mode). */
    public void setDeferrable(boolean on) {
        deferrable = on;
    }

    public boolean deferrable() {
        return deferrable;
    }

    /** COMMIT AND CHAIN / ROLLBACK AND CHAIN: ends the block and starts a new one with the same modes. */
    public EndResult endAndChain(boolean commit) {
        if (state != State.INPROGRESS && state != State.ABORT) {
            throw XactErrors.onlyInBlock(commit ? "COMMIT AND CHAIN" : "ROLLBACK AND CHAIN");
        }
        IsolationLevel iso = isolation();
        boolean ro = readOnly();
        boolean def = deferrable;
        EndResult r = commit ? commit() : rollback();
        state = State.INPROGRESS;
        gucs.pushLevel();
        isolation = iso;
        readOnly = ro;
        deferrable = def;
        return r;
    }

    /** COMMIT / END. */
    public EndResult commit() {
        switch (state) {
            case INPROGRESS -> {
                commitTop();
                return new EndResult("COMMIT", null);
            }
            case ABORT -> {
                abortTop();
                return new EndResult("ROLLBACK", null);
            }
            case STARTED, IMPLICIT -> {
                commitTop();
                return new EndResult("COMMIT", XactErrors.noTransactionInProgress());
            }
            default -> throw new IllegalStateException("COMMIT in state " + state);
        }
    }

    /** ROLLBACK / ABORT. */
    public EndResult rollback() {
        switch (state) {
            case INPROGRESS, ABORT -> {
                abortTop();
                return new EndResult("ROLLBACK", null);
            }
            case STARTED, IMPLICIT -> {
                abortTop();
                return new EndResult("ROLLBACK", XactErrors.noTransactionInProgress());
            }
            default -> throw new IllegalStateException("ROLLBACK in state " + state);
        }
    }

    /** SAVEPOINT name. */
    public void savepoint(String name) {
        if (state != State.INPROGRESS) {
            throw XactErrors.onlyInBlock("SAVEPOINT");
        }
        Subtransactions.begin(transaction());
        gucs.pushLevel();
        savepoints.add(new Savepoint(name, gucs.nestLevel(), readOnly()));
    }

    /** RELEASE [SAVEPOINT] name: commits it and every savepoint opened after it. */
    public void release(String name) {
        if (!inExplicitBlock()) {
            throw XactErrors.onlyInBlock("RELEASE SAVEPOINT");
        }
        if (state == State.ABORT) {
            throw XactErrors.inFailedTransaction();
        }
        int idx = find(name);
        boolean ro = savepoints.get(idx).readOnlyBefore();
        while (savepoints.size() > idx) {
            Subtransactions.release(tx);
            gucs.releaseLevel();
            savepoints.remove(savepoints.size() - 1);
        }
        restoreReadOnly(ro);
    }

    /**
     * xact.c's {@code XactReadOnly = s->prevXactReadOnly} at subtransaction end. Known gap: the storage's
     * {@code Transaction.setReadOnly(false)} refuses inside a subtransaction or after the first snapshot (the
     * SET TRANSACTION checks), and it has no internal restore, so going back to read-write only happens when
     * those checks allow it; otherwise the transaction stays read-only.
     */
    private void restoreReadOnly(boolean ro) {
        if (tx != null && tx.isReadOnly() != ro) {
            try {
                tx.setReadOnly(ro);
            } catch (TuskException e) {
                // see above
            }
        }
    }

    /** ROLLBACK TO [SAVEPOINT] name: undoes everything since it; the savepoint stays defined. */
    public void rollbackTo(String name) {
        if (!inExplicitBlock()) {
            throw XactErrors.onlyInBlock("ROLLBACK TO SAVEPOINT");
        }
        int idx = find(name);
        boolean ro = savepoints.get(idx).readOnlyBefore();
        while (savepoints.size() > idx) {
            Subtransactions.rollback(tx);
            gucs.abortLevel();
            savepoints.remove(savepoints.size() - 1);
        }
        restoreReadOnly(ro);
        Subtransactions.begin(tx);
        gucs.pushLevel();
        savepoints.add(new Savepoint(name, gucs.nestLevel(), ro));
        state = State.INPROGRESS;
    }

    private int find(String name) {
        for (int i = savepoints.size() - 1; i >= 0; i--) {
            if (savepoints.get(i).name().equals(name)) {
                return i;
            }
        }
        throw XactErrors.noSuchSavepoint(name);
    }

    /** Session end: whatever is open is rolled back. */
    public void close() {
        if (state != State.DEFAULT) {
            abortTop();
        }
    }

    private void commitTop() {
        Transaction t = tx;
        tx = null;
        savepoints.clear();
        state = State.DEFAULT;
        try {
            if (t != null) {
                try {
                    t.commit();
                } catch (RuntimeException e) {
                    if (t.state() == Transaction.State.IN_PROGRESS) {
                        t.abort();
                    }
                    gucs.abortTop();
                    throw e;
                } finally {
                    onEnd.accept(t);
                }
            }
            gucs.commitTop();
        } finally {
            isolation = null;
            readOnly = null;
            deferrable = false;
        }
    }

    private void abortTop() {
        abortStorage();
        tx = null;
        savepoints.clear();
        state = State.DEFAULT;
        isolation = null;
        readOnly = null;
        deferrable = false;
        storageAborted = false;
        gucs.abortTop();
    }

    private void abortStorage() {
        if (tx != null && !storageAborted) {
            storageAborted = true;
            try {
                tx.abort();
            } finally {
                onEnd.accept(tx);
            }
        }
    }

    /** Parses an isolation level name as SET and BEGIN spell it. */
    public static IsolationLevel parseIsolation(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "serializable" -> IsolationLevel.SERIALIZABLE;
            case "repeatable read" -> IsolationLevel.REPEATABLE_READ;
            case "read uncommitted" -> IsolationLevel.READ_UNCOMMITTED;
            default -> IsolationLevel.READ_COMMITTED;
        };
    }
}
