package dev.tusk.executor;

import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.transam.Transaction;
import dev.tusk.catalog.Catalog;
import dev.tusk.storage.StorageEngine;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionContext;
import dev.tusk.utils.time.Snapshot;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Everything one execution of a {@link PlannedStatement} needs (PostgreSQL's {@code EState} inputs). The
 * session layer (H6) builds one per statement execution (per Execute of a portal it may keep the same one).
 *
 * @param storage     the storage engine (heap and B-tree access)
 * @param transaction the running transaction (writes of DML and its command id)
 * @param snapshot    the snapshot every scan of this statement uses; the statement's own earlier writes are
 *                    visible by command-id rules (pass {@code transaction.statementSnapshot()} or, inside a
 *                    statement that has called CommandCounterIncrement, {@code currentSnapshot()})
 * @param catalog     the catalog read API for this transaction (views are expanded at plan time, so execution
 *                    only needs it for catalog-dependent functions, which reach it through {@code functions})
 * @param functions   session facts for function calls (now(), current_user, formats, services)
 * @param params      the bound values of $1..$n as SQL value carriers (contract 3), already converted from
 *                    their wire format using {@link PlannedStatement#paramTypes()}; null = SQL NULL; an empty
 *                    array when the statement has no parameters
 * @param cancelRequested polled by the executor every {@link #INTERRUPT_INTERVAL} rows and at node start; when
 *                    it returns true the statement fails with 57014 "canceling statement due to user request"
 */
public record ExecContext(StorageEngine storage, Transaction transaction, Snapshot snapshot, Catalog catalog,
        FunctionContext functions, Object[] params, BooleanSupplier cancelRequested) {

    /** Rows processed between two polls of {@link #cancelRequested}. */
    public static final int INTERRUPT_INTERVAL = 1024;

    public ExecContext {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(functions, "functions");
        params = params == null ? new Object[0] : params;
        cancelRequested = cancelRequested == null ? () -> false : cancelRequested;
    }

    /** CHECK_FOR_INTERRUPTS: throws 57014 when a cancel was requested. */
    public void checkInterrupts() {
        if (cancelRequested.getAsBoolean()) {
            throw new TuskException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
        functions.checkInterrupts();
    }

    /** The heap access method of {@link #storage}. */
    public HeapAm heap() {
        return new HeapAm(storage.buffers(), storage.smgr(), storage.transactions());
    }

    /** The value of parameter {@code $number} (1-based). */
    public Object param(int number) {
        if (number < 1 || number > params.length) {
            throw new TuskException(SqlState.UNDEFINED_PARAMETER, "there is no parameter $" + number);
        }
        return params[number - 1];
    }
}
