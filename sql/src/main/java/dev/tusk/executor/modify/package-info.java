/**
 * Applying INSERT, UPDATE and DELETE (PostgreSQL's {@code nodeModifyTable.c}, {@code execMain.c}'s
 * ExecConstraints, {@code execIndexing.c} and {@code ri_triggers.c}). The query layer's plans produce the rows;
 * this package writes them.
 *
 * <p>Per row: NOT NULL, then CHECK constraints (in name order), the heap change, then one entry in every index
 * (unique indexes check for a live equal key and wait for an in-progress inserter). UPDATE and DELETE go through
 * the storage layer's {@code HeapUpdater}: a row being changed by another transaction is waited for; under READ
 * COMMITTED a committed newer version is re-checked against the statement's WHERE (the plan's {@code recheck},
 * PostgreSQL's EvalPlanQual) and changed instead, under REPEATABLE READ the statement fails with 40001.
 *
 * <p>Foreign keys are checked, and their ON DELETE/ON UPDATE actions run, at the end of the statement after a
 * command-counter increment (as PostgreSQL's RI triggers fire), so rows the statement itself inserted can
 * satisfy references it makes; cascaded changes queue further work until none is left.
 *
 * <p>INSERT ... ON CONFLICT ({@link dev.tusk.executor.modify.OnConflictInsert}) probes the arbiter unique indexes
 * before each insert (waiting for in-progress inserters/deleters), skips the row for DO NOTHING, and for DO UPDATE
 * updates the existing row through the normal update path; a row created or updated by the same command raises
 * 21000. Known gap: no speculative insertion, so a concurrent insert of the same key that commits between the
 * probe and the index insertion gives 23505 instead of the conflict path.
 */
package dev.tusk.executor.modify;
