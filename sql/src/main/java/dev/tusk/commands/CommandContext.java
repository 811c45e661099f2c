package dev.tusk.commands;

import dev.tusk.access.transam.Transaction;
import dev.tusk.catalog.Catalog;
import dev.tusk.catalog.CatalogManager;
import dev.tusk.catalog.CatalogWriter;
import dev.tusk.executor.ExecContext;
import dev.tusk.optimizer.PlanningContext;
import dev.tusk.storage.StorageEngine;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionContext;
import dev.tusk.utils.misc.GucSession;
import dev.tusk.utils.time.Snapshot;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What a utility command runs with (the globals PostgreSQL's commands/*.c reach for: the current transaction,
 * catalog access, the user, settings, and a way to send notices). Built by the session for one statement.
 */
public final class CommandContext {
    private final StorageEngine storage;
    private final CatalogManager catalogs;
    private final int databaseOid;
    private final String databaseName;
    private final Transaction transaction;
    private final GucSession gucs;
    private final int userOid;
    private final String userName;
    private final boolean superuser;
    private final FunctionContext functions;
    private final Consumer<TuskException> notices;
    private final BooleanSupplier cancelRequested;
    private final Runnable checkpointRequest;
    /** The session's backend id (temp namespace pg_temp_N), negative until it is in use; 0: no temp objects. */
    private int tempBackendId;
    private Runnable tempNamespaceUsed = () -> { };

    public CommandContext(StorageEngine storage, CatalogManager catalogs, int databaseOid, String databaseName,
            Transaction transaction, GucSession gucs, int userOid, String userName, boolean superuser,
            FunctionContext functions, Consumer<TuskException> notices, BooleanSupplier cancelRequested,
            Runnable checkpointRequest) {
        this.storage = storage;
        this.catalogs = catalogs;
        this.databaseOid = databaseOid;
        this.databaseName = databaseName;
        this.transaction = transaction;
        this.gucs = gucs;
        this.userOid = userOid;
        this.userName = userName;
        this.superuser = superuser;
        this.functions = functions;
        this.notices = notices;
        this.cancelRequested = cancelRequested;
        this.checkpointRequest = checkpointRequest;
    }

    /**
     * Sets the session's backend id naming its temp namespace (negative while the session has not used it) and
     * what to call when a command starts using it; returns this.
     */
    public CommandContext withTempBackendId(int backendId, Runnable onTempNamespaceUsed) {
        this.tempBackendId = backendId;
        this.tempNamespaceUsed = onTempNamespaceUsed;
        return this;
    }

    /** The backend id N of pg_temp_N, 0 when temp objects are not available. */
    public int tempBackendId() {
        return Math.abs(tempBackendId);
    }

    /** The session now uses its temp namespace (InitTempTableNamespace sets myTempNamespace). */
    public void useTempNamespace() {
        if (tempBackendId < 0) {
            tempBackendId = -tempBackendId;
            tempNamespaceUsed.run();
        }
    }

    public StorageEngine storage() {
        return storage;
    }

    public CatalogManager catalogs() {
        return catalogs;
    }

    public int databaseOid() {
        return databaseOid;
    }

    public String databaseName() {
        return databaseName;
    }

    public Transaction transaction() {
        return transaction;
    }

    /** The catalogs as this transaction sees them now (its own earlier changes included). */
    public Catalog catalog() {
        return catalogs.catalog(databaseOid, transaction, userName, tempBackendId);
    }

    public CatalogWriter writer() {
        return catalogs.writer(databaseOid, transaction);
    }

    public GucSession gucs() {
        return gucs;
    }

    /** search_path as a list of schema names ("$user" kept, quotes removed). */
    public List<String> searchPath() {
        return SearchPath.parse(gucs.get("search_path"));
    }

    public int userOid() {
        return userOid;
    }

    public String userName() {
        return userName;
    }

    public boolean superuser() {
        return superuser;
    }

    public FunctionContext functions() {
        return functions;
    }

    /** Sends a NOTICE or WARNING to the client. */
    public void notice(TuskException notice) {
        notices.accept(notice);
    }

    /** Sends the NOTICEs a catalog change produced (drop cascades to ...). */
    public void notices(java.util.List<dev.tusk.catalog.CatalogNotice> list) {
        for (dev.tusk.catalog.CatalogNotice n : list) {
            TuskException e = new TuskException(dev.tusk.utils.error.Severity.NOTICE,
                    dev.tusk.utils.error.SqlState.SUCCESSFUL_COMPLETION, n.message(), n.detail(), null, 0, null);
            notices.accept(e);
        }
    }

    public Runnable checkpointRequest() {
        return checkpointRequest;
    }

    /** CHECK_FOR_INTERRUPTS for long-running commands. */
    public void checkInterrupts() {
        cancelRequested.getAsBoolean();
    }

    public BooleanSupplier cancelRequested() {
        return cancelRequested;
    }

    /** Analysis and planning for statements a command embeds (CREATE TABLE AS, CREATE VIEW, COPY (query)). */
    public PlanningContext planning(int[] declaredParamTypes) {
        return new PlanningContext(catalog(), searchPath(), declaredParamTypes, functions);
    }

    /** An executor context over {@code snapshot} (the transaction's current one when null). */
    public ExecContext exec(Snapshot snapshot, Object[] params) {
        return new ExecContext(storage, transaction, snapshot != null ? snapshot : transaction.currentSnapshot(),
                catalog(), functions, params, cancelRequested);
    }
}
