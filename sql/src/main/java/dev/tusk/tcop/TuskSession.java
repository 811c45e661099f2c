package dev.tusk.tcop;

import dev.tusk.access.transam.Transaction;
import dev.tusk.catalog.Catalog;
import dev.tusk.catalog.CatalogRegLookup;
import dev.tusk.catalog.SessionCatalog;
import dev.tusk.catalog.DatabaseDesc;
import dev.tusk.catalog.RoleDesc;
import dev.tusk.commands.CommandContext;
import dev.tusk.commands.SearchPath;
import dev.tusk.commands.SequenceSession;
import dev.tusk.executor.ExecContext;
import dev.tusk.executor.PlannedStatement;
import dev.tusk.nodes.RawStmt;
import dev.tusk.optimizer.PlanningContext;
import dev.tusk.optimizer.QueryPlanner;
import dev.tusk.parser.Parser;
import dev.tusk.utils.adt.RegLookup;
import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.misc.GucSession;
import dev.tusk.utils.misc.GucTable;
import dev.tusk.utils.time.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client session (PostgreSQL's backend state in postgres.c): settings, the transaction block, the
 * statement life cycle that portals drive, and the facts functions ask about. Statement execution itself lives
 * in {@link PortalImpl} and the runners it picks.
 */
public final class TuskSession implements Session, SessionServices {
    private final TuskSqlEngine engine;
    private final SessionStart start;
    private final RoleDesc role;
    private final DatabaseDesc database;
    private final GucSession gucs;
    private final TransactionBlock xact;
    private final SessionFunctionContext functions;
    private final SequenceSession sequences = new SequenceSession();
    private final SqlPrepared sqlPrepared = new SqlPrepared();
    private final SessionCatalog sessionCatalog;
    private final RegLookup regLookup;
    private final List<TuskException> notices = new ArrayList<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private volatile boolean running;
    private long statementDeadline;
    private SimpleBatch currentBatch;
    private final java.util.Set<PortalImpl> openPortals = new java.util.LinkedHashSet<>();
    private boolean catalogChangedInTransaction;
    private boolean closed;
    /** MyBackendId: names this session's temp namespace pg_temp_N. */
    private final int backendId;
    /** Whether this session has used its temp namespace (PostgreSQL's myTempNamespace is set). */
    private volatile boolean tempNamespaceUsed;

    TuskSession(TuskSqlEngine engine, SessionStart start, RoleDesc role, DatabaseDesc database) {
        this.engine = engine;
        this.start = start;
        this.role = role;
        this.database = database;
        this.backendId = engine.allocateBackendId();
        this.gucs = new GucSession(GucTable.instance(), engine.serverSettings());
        this.xact = new TransactionBlock(engine.storage().transactions(), gucs, this::transactionEnded);
        this.sessionCatalog = SessionCatalog.of(engine.catalogs(), database.oid(), xact::transaction, role::name,
                () -> SearchPath.parse(gucs.get("search_path")), this::tempBackendId);
        this.regLookup = new CatalogRegLookup(sessionCatalog);
        this.functions = new SessionFunctionContext(this, gucs);
        gucs.setInternal("is_superuser", role.superuser() ? "on" : "off");
        gucs.setInternal("session_authorization", role.name());
        gucs.setDynamic("transaction_isolation", () -> xact.isolation().sqlName());
        gucs.setDynamic("transaction_read_only", () -> xact.readOnly() ? "on" : "off");
        gucs.setDynamic("transaction_deferrable", () -> xact.deferrable() ? "on" : "off");
        StartupOptions.apply(gucs, start.options());
    }

    // ---- Session API

    @Override
    public List<PreparedStatement> parseSimple(String sql) {
        checkOpen();
        endLeftoverBatch();
        List<RawStmt> raws = Parser.parse(sql, standardConformingStrings());
        if (raws.isEmpty()) {
            return List.of(new PreparedStatementImpl(sql, null, null, null));
        }
        SimpleBatch batch = new SimpleBatch(raws.size());
        currentBatch = batch;
        List<PreparedStatement> out = new ArrayList<>(raws.size());
        for (RawStmt r : raws) {
            out.add(new PreparedStatementImpl(r.text(sql), r, null, batch));
        }
        return out;
    }

    @Override
    public PreparedStatement prepare(String sql, int[] paramTypeOids) {
        checkOpen();
        endLeftoverSimpleBatch();
        List<RawStmt> raws = Parser.parse(sql, standardConformingStrings());
        if (raws.size() > 1) {
            throw new TuskException(SqlState.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
        }
        PreparedStatementImpl ps = new PreparedStatementImpl(sql, raws.isEmpty() ? null : raws.get(0), paramTypeOids,
                null);
        if (ps.stmt() != null) {
            describe(ps);
        }
        return ps;
    }

    @Override
    public Portal bind(PreparedStatement statement, List<byte[]> params, short[] paramFormats,
            short[] resultFormats) {
        checkOpen();
        PreparedStatementImpl ps = (PreparedStatementImpl) statement;
        Object[] values = params == null || params.isEmpty() ? new Object[0]
                : ParamDecoder.decode(ps.paramTypeOids(), params, paramFormats, functions.formats());
        return new PortalImpl(this, ps, values, resultFormats);
    }

    @Override
    public char transactionStatus() {
        return xact.status();
    }

    @Override
    public Map<String, String> drainParameterChanges() {
        return gucs.drainReportChanges();
    }

    @Override
    public List<TuskException> drainNotices() {
        List<TuskException> out = List.copyOf(notices);
        notices.clear();
        return out;
    }

    @Override
    public void cancel() {
        if (running) {
            cancelRequested.set(true);
        }
    }

    /**
     * Ends the session, rolling back what is open. Normally called on the session's own thread when it is idle;
     * called from another thread while a statement runs, it cancels the statement and waits (up to 10 s) for it to
     * end first, so the transaction is never aborted under the running statement.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (runningElsewhere() && System.nanoTime() - deadline < 0) {
            cancelRequested.set(true);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closed = true;
        try {
            xact.close();
            if (tempNamespaceUsed) {
                TempRelations.remove(engine.storage(), engine.catalogs(), database.oid(), role.name(), backendId);
            }
        } finally {
            engine.sessionClosed(this);
        }
    }

    /**
     * The Sync message (extended protocol; the protocol layer finds this method by reflection): ends the
     * implicit transaction of the messages since the last Sync (finish_xact_command). As in PostgreSQL, the
     * Execute messages outside a transaction block share one transaction that commits here, so a batch of
     * statements before one Sync is atomic; portals still open are closed first.
     */
    public void sync() {
        endLeftoverSimpleBatch();
        if (xact.state() == TransactionBlock.State.STARTED) {
            // The implicit transaction commits; its portals end with it. Inside a block they stay usable.
            for (PortalImpl p : List.copyOf(openPortals)) {
                p.close();
            }
            xact.commitImplicit();
        }
    }

    /** The portal whose statement is running now (it is not abandoned when its own COMMIT ends the transaction). */
    private PortalImpl executing;
    /** The thread inside Portal.execute now, if any (close() from another thread waits for it). */
    private volatile Thread executingThread;

    void executing(PortalImpl p) {
        executing = p;
        executingThread = p == null ? null : Thread.currentThread();
    }

    private boolean runningElsewhere() {
        Thread t = executingThread;
        return t != null && t != Thread.currentThread();
    }

    void portalStarted(PortalImpl p) {
        openPortals.add(p);
    }

    void portalEnded(PortalImpl p) {
        openPortals.remove(p);
    }

    /** The lexer's rule for backslashes in '...' literals follows the session's standard_conforming_strings. */
    private boolean standardConformingStrings() {
        return !"off".equals(gucs.get("standard_conforming_strings"));
    }

    // ---- statement life cycle (used by PortalImpl)

    /** start_xact_command plus the per-statement resets (cancel flag, statement_timeout, timestamps). */
    void startStatement(PreparedStatementImpl ps) {
        SimpleBatch b = ps.batch();
        boolean newTransaction = xact.state() == TransactionBlock.State.DEFAULT;
        xact.startStatement(b != null && b.implicitBlock(), CommandTags.allowedInFailedBlock(ps.stmt()));
        if (newTransaction) {
            catalogChangedInTransaction = false;
        }
        cancelRequested.set(false);
        running = true;
        long timeout = gucs.getLong("statement_timeout");
        statementDeadline = timeout > 0 ? System.nanoTime() + timeout * 1_000_000L : 0;
        functions.statementStarted(newTransaction);
    }

    /** finish_xact_command after success. */
    void finishStatement(PreparedStatementImpl ps) {
        try {
            finishStatement0(ps);
        } finally {
            running = false;
        }
    }

    private void finishStatement0(PreparedStatementImpl ps) {
        SimpleBatch b = ps.batch();
        if (b == null && xact.state() == TransactionBlock.State.STARTED) {
            // Extended protocol: the implicit transaction lasts until Sync.
            xact.commandCounterIncrement();
            return;
        }
        xact.finishStatement();
        if (b != null && b.statementFinished()) {
            xact.finishImplicitBlock();
            if (currentBatch == b) {
                currentBatch = null;
            }
        }
    }

    /** AbortCurrentTransaction after an error; the rest of a simple Query is skipped. */
    void failStatement(PreparedStatementImpl ps) {
        try {
            xact.statementFailed();
        } finally {
            running = false;
        }
        SimpleBatch b = ps.batch();
        if (b != null) {
            b.abandon();
            if (currentBatch == b) {
                currentBatch = null;
            }
        }
    }

    private void endLeftoverBatch() {
        endLeftoverSimpleBatch();
        if (openPortals.isEmpty() && xact.state() == TransactionBlock.State.STARTED) {
            // Extended-protocol statements not followed by Sync: a new Query ends their transaction.
            xact.commitImplicit();
        }
    }

    private void endLeftoverSimpleBatch() {
        if (currentBatch != null) {
            currentBatch.abandon();
            currentBatch = null;
            xact.finishImplicitBlock();
        }
    }

    /**
     * Analyzes a Parse'd statement at once (so Describe works): in the open transaction, or in a short one of
     * its own outside a block.
     */
    private void describe(PreparedStatementImpl ps) {
        if (!CommandTags.isPlannable(ps.stmt())) {
            ps.setUtilityShape(UtilityShapes.columnsOf(ps.stmt(), gucs));
            return;
        }
        boolean own = xact.state() == TransactionBlock.State.DEFAULT;
        if (xact.state() == TransactionBlock.State.ABORT) {
            throw XactErrors.inFailedTransaction();
        }
        if (own) {
            xact.startStatement(false, false);
        }
        try {
            plan(ps);
            if (own) {
                xact.finishStatement();
            }
        } catch (RuntimeException e) {
            if (own || xact.state() == TransactionBlock.State.STARTED) {
                xact.statementFailed();
            }
            throw XactErrors.asTusk(e);
        }
    }

    /** The statement's plan, made again when the catalogs changed since it was made. */
    PlannedStatement plan(PreparedStatementImpl ps) {
        long version = engine.catalogs().version();
        if (ps.plan() != null && ps.planVersion() == version && !catalogChangedInTransaction) {
            return ps.plan();
        }
        PlannedStatement p = QueryPlanner.plan(ps.stmt(), planning(ps.declaredTypes()));
        ps.setPlan(p, catalogChangedInTransaction ? -1 : version);
        return p;
    }

    PlanningContext planning(int[] declaredTypes) {
        return new PlanningContext(catalog(), SearchPath.parse(gucs.get("search_path")), declaredTypes, functions);
    }

    /** The catalogs as the running transaction sees them. */
    Catalog catalog() {
        return engine.catalogs().catalog(database.oid(), xact.transaction(), role.name(), tempBackendId());
    }

    /** An executor context for one statement execution over {@code snapshot}. */
    ExecContext execContext(Snapshot snapshot, Object[] params) {
        return new ExecContext(engine.storage(), xact.transaction(), snapshot, catalog(), functions, params, () -> {
            checkInterrupts();
            return false;
        });
    }

    /** What utility commands run with. */
    CommandContext commandContext() {
        return new CommandContext(engine.storage(), engine.catalogs(), database.oid(), database.name(),
                xact.transaction(), gucs, role.oid(), role.name(), role.superuser(), functions, notices::add,
                () -> {
                    checkInterrupts();
                    return false;
                }, engine.checkpointRequest()).withTempBackendId(tempBackendId(),
                        () -> tempNamespaceUsed = true);
    }

    /** A command changed catalogs: cached plans of this transaction must be made again. */
    void catalogChanged() {
        catalogChangedInTransaction = true;
    }

    /** CHECK_FOR_INTERRUPTS: cancel requests and statement_timeout. */
    void checkInterrupts() {
        if (cancelRequested.getAndSet(false)) {
            throw XactErrors.canceled();
        }
        if (statementDeadline != 0 && System.nanoTime() - statementDeadline > 0) {
            statementDeadline = 0;
            throw XactErrors.statementTimeout();
        }
    }

    private void transactionEnded(Transaction tx) {
        // Portals live no longer than their transaction (AtCommit_Portals / AtAbort_Portals).
        for (PortalImpl p : List.copyOf(openPortals)) {
            if (p != executing) {
                p.abandon();
            }
        }
        engine.catalogs().transactionEnded(tx);
        if (catalogChangedInTransaction) {
            catalogChangedInTransaction = false;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("session is closed");
        }
    }

    void addNotice(TuskException notice) {
        notices.add(notice);
    }

    // ---- facts

    TuskSqlEngine engine() {
        return engine;
    }

    TransactionBlock xact() {
        return xact;
    }

    @Override
    public GucSession gucs() {
        return gucs;
    }

    SessionFunctionContext functions() {
        return functions;
    }

    SqlPrepared sqlPrepared() {
        return sqlPrepared;
    }

    @Override
    public SequenceSession sequences() {
        return sequences;
    }

    @Override
    public boolean superuser() {
        return role.superuser();
    }

    @Override
    public boolean inTransactionBlock() {
        return xact.inExplicitBlock();
    }

    String userName() {
        return role.name();
    }

    int userOid() {
        return role.oid();
    }

    String databaseName() {
        return database.name();
    }

    int databaseOid() {
        return database.oid();
    }

    int backendId() {
        return backendId;
    }

    /** The backend id the catalogs see: negative until the session has used its temp namespace. */
    private int tempBackendId() {
        return tempNamespaceUsed ? backendId : -backendId;
    }

    int backendPid() {
        return start.backendPid();
    }

    RegLookup regLookup() {
        return regLookup;
    }

    Object service(Class<?> type) {
        if (type == SessionServices.class) {
            return this;
        }
        if (type == SessionCatalog.class) {
            return sessionCatalog;
        }
        return null;
    }

    @Override
    public Catalog currentCatalog() {
        return catalog();
    }

    @Override
    public Transaction currentTransaction() {
        return xact.transaction();
    }

    @Override
    public dev.tusk.storage.StorageEngine storage() {
        return engine.storage();
    }

    static TuskException asFatal(TuskException e) {
        return new TuskException(Severity.FATAL, e.sqlState(), e.getMessage(), e.detail(), e.hint(), 0, e);
    }
}
