/**
 * The executor (PostgreSQL's {@code executor/}) and contract 5 between query processing (H5: this package,
 * {@code dev.tusk.parser.analyze}, {@code dev.tusk.optimizer}) and the session/DML/DDL layer (H6:
 * {@code dev.tusk.tcop}, {@code dev.tusk.executor.modify}, {@code dev.tusk.commands}).
 *
 * <h2>Planning</h2>
 * H6 builds a {@link dev.tusk.optimizer.PlanningContext} (catalog of the transaction, search_path, the declared
 * parameter types of a Parse message with 0 = infer, and the session's FunctionContext whose {@code formats()}
 * must carry the catalog's {@code RegLookup} so {@code 'x'::regclass} literals resolve) and calls
 * {@link dev.tusk.optimizer.QueryPlanner#plan(dev.tusk.nodes.Stmt, dev.tusk.optimizer.PlanningContext)} with a
 * {@code SelectStmt} (also VALUES and set operations), {@code InsertStmt}, {@code UpdateStmt} or
 * {@code DeleteStmt}. The result is a {@link dev.tusk.executor.PlannedStatement}:
 * <ul>
 * <li>{@code paramTypes()}: resolved $n types (ParameterDescription); undeterminable ones fail with 42P18.</li>
 * <li>{@code columns()}: RowDescription fields (name, table OID, attnum, type OID, typlen, typmod, format 0),
 *     null when the statement returns no rows. Names follow PostgreSQL ({@code ?column?}, {@code count},
 *     {@code text} for {@code 'a'::text}...); unknown-type outputs are text.</li>
 * <li>{@code relationOids()}: the tables and views it read, for plan invalidation after DDL.</li>
 * </ul>
 * A PlannedStatement is immutable and may be executed many times (prepared statements), one execution at a
 * time per instance is the expected use (it is thread-safe, but keep one per session anyway).
 *
 * <h2>Execution</h2>
 * Per execution H6 builds an {@link dev.tusk.executor.ExecContext}: storage engine, transaction, the statement
 * snapshot ({@code tx.statementSnapshot()} at statement start; after a CommandCounterIncrement inside one
 * statement use {@code tx.currentSnapshot()}), catalog, FunctionContext, parameter values (SQL carriers, already
 * converted from the wire with {@code paramTypes()}), and a cancel flag. Then:
 * <ul>
 * <li>{@link dev.tusk.executor.PlannedQuery#open}: a {@link dev.tusk.executor.RowCursor}; {@code next()} returns
 *     one {@code Object[]} row of SQL value carriers (contract 3) per call, null at the end. Rows stream (a plain
 *     scan never materializes the table); close it when abandoning a portal. Convert values for the wire with
 *     the type layer's I/O using {@code columns()}' type OIDs.</li>
 * <li>{@link dev.tusk.executor.PlannedInsert#open}: complete new rows in attnum order (dropped columns null):
 *     defaults, serial {@code nextval}, identity sequences and typmod/assignment coercion already applied; H6
 *     checks NOT NULL/CHECK/UNIQUE/FK, converts with {@link dev.tusk.executor.StorageCarriers#rowToStorage},
 *     inserts into heap and indexes, counts, and calls {@code returning().project(newRow, null, ctx)} per row
 *     when {@code returning()} is not null.</li>
 * <li>{@link dev.tusk.executor.PlannedUpdate#open}: {@link dev.tusk.executor.UpdateRow}s (ctid, old row, new
 *     row, opaque source row). {@code updatedAttnums()} lists the SET columns (HOT decision, FK checks). On
 *     {@code TmResult.Updated} by a committed concurrent transaction under READ COMMITTED, fetch the newest
 *     version and call {@code recheck(row, newest, newestTid, ctx)}: null = skip, else write its newRow at its
 *     ctid. {@code returning().project(writtenNewRow, row.sourceRow(), ctx)}. With UPDATE ... FROM a target row
 *     may come several times: skip rows your own command already updated (SelfUpdated).</li>
 * <li>{@link dev.tusk.executor.PlannedDelete#open}: {@link dev.tusk.executor.DeleteRow}s; same recheck and
 *     RETURNING rules ({@code project(oldRow, row.sourceRow(), ctx)}).</li>
 * </ul>
 * All rows crossing this contract use SQL carriers; the conversion to and from stored values
 * ({@code AttrType} carriers) is {@link dev.tusk.executor.StorageCarriers}'s, the one place that calls the type
 * layer's storage mapping. Runtime errors are TuskExceptions; cancellation raises 57014
 * {@code canceling statement due to user request} within {@link dev.tusk.executor.ExecContext#INTERRUPT_INTERVAL}
 * rows.
 *
 * <h2>INSERT ... ON CONFLICT</h2>
 * {@link dev.tusk.executor.PlannedInsert#onConflict()} is null without the clause, else an
 * {@link dev.tusk.executor.OnConflict}: {@code arbiters()} (the unique indexes that define a conflict; empty =
 * every unique index, only for DO NOTHING without a target), {@code doNothing()}, and for DO UPDATE
 * {@code updatedRow(existingRow, excludedRow, ctx)} giving the complete new version of the conflicting row (null
 * when DO UPDATE's WHERE is not true: skip the row) with {@code updatedAttnums()} as the SET columns. H6's modify
 * layer probes the arbiters before inserting each proposed row, locks/updates the existing row (its own
 * NOT NULL/CHECK/UNIQUE/FK checks apply to the new version), raises 21000 when the same command would update a
 * row twice, and runs RETURNING over the row written (inserted or updated); skipped rows are not counted.
 *
 * <h2>EXPLAIN</h2>
 * {@link dev.tusk.optimizer.QueryPlanner#explain(dev.tusk.nodes.ExplainStmt, dev.tusk.optimizer.PlanningContext)}
 * returns the {@code QUERY PLAN} lines (one text column {@code QUERY PLAN}, one row per line) for EXPLAIN without
 * ANALYZE, in PostgreSQL's text format as with COSTS OFF.
 *
 * <h2>Expressions for DDL and COPY</h2>
 * {@link dev.tusk.executor.ExpressionCompiler#analyze} (or {@code analyzeText} for stored text) analyzes a CHECK,
 * DEFAULT or generation expression over a relation's columns (which need not exist in the catalog yet) into an
 * {@link dev.tusk.executor.AnalyzedExpression}: {@code deparse()} is the text to store in pg_attrdef.adbin /
 * pg_constraint.conbin (PostgreSQL's pg_get_expr form: {@code nextval('t_id_seq'::regclass)},
 * {@code (price > (0)::numeric)}, {@code 'x'::character varying}); {@code compile()} gives a
 * {@link dev.tusk.executor.CompiledExpr} evaluated over a row in attnum order ({@code check()} for CHECK: NULL
 * passes). Serial columns: store the default text {@code nextval('<schema-qualified-if-needed seq>'::regclass)}.
 * Identity columns may keep {@code defaultExpr} null: INSERT then calls {@code nextval} on the sequence
 * {@code <table>_<column>_seq} in the table's schema (PostgreSQL's naming); the function {@code nextval(regclass)}
 * must be registered in the FunctionRegistry.
 *
 * <h2>Views</h2>
 * {@link dev.tusk.optimizer.QueryPlanner#analyzeView} returns the columns and the definition text in
 * pg_get_viewdef's layout; store that text (RelationDesc.viewDefinition): queries expand views by re-parsing it.
 *
 * <h2>LATERAL</h2>
 * LATERAL subqueries and functions in FROM (implicitly LATERAL) see the FROM items to their left
 * ({@code ParseState.lateralNs}); references into the left side of a RIGHT/FULL JOIN fail with 42P10 as in
 * PostgreSQL. The planner runs them as {@link dev.tusk.executor.LateralLoop}: a nested loop that restarts the
 * inner side per outer row with the referenced values bound, either as the inner subplan's outer references
 * (a LATERAL entry directly on the right: {@code ExecState.outer}) or, when the LATERAL entry sits inside a
 * join that is itself the inner side, as {@link dev.tusk.executor.NestParams} of this query level
 * ({@code ExecState.nestParam}). No flattening of LATERAL subqueries (PostgreSQL pulls simple ones up), so
 * {@code a, b JOIN LATERAL (...a...)} rescans b per row of a; EXPLAIN shows references to the outer row of a
 * LATERAL subplan as {@code $n} (PostgreSQL prints the referenced column).
 *
 * <h2>Known gaps</h2>
 * Sort, hash join and hash aggregate are in memory (no spilling past work_mem); no grouping sets,
 * updatable views, generated columns (CREATE TABLE refuses them with 0A000), cost estimates and actual timings in
 * EXPLAIN (EXPLAIN ANALYZE runs the statement but prints the plan only), ROWS FROM, or
 * set-returning functions nested in expressions other than a field selection ({@code (f(x)).col}).
 */
package dev.tusk.executor;
