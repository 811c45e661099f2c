package dev.tusk.executor;

import dev.tusk.tcop.ResultColumn;
import java.util.List;
import java.util.Set;

/**
 * An analyzed and planned SELECT/VALUES/INSERT/UPDATE/DELETE (PostgreSQL's {@code PlannedStmt}), made by
 * {@link dev.tusk.optimizer.QueryPlanner#plan}. Immutable and reusable: a prepared statement keeps it and
 * opens it once per execution with a fresh {@link ExecContext}. It caches catalog facts (relation layouts,
 * view bodies, index choice): re-plan when {@link #relationOids()} changed (DDL).
 */
public sealed interface PlannedStatement permits PlannedQuery, PlannedInsert, PlannedUpdate, PlannedDelete {
    /** The command word of the CommandComplete tag: SELECT, INSERT, UPDATE or DELETE. */
    String commandName();

    /**
     * The type OID of each parameter $1..$n, resolved as PostgreSQL does: the types the client declared
     * (non-zero entries of {@link dev.tusk.optimizer.PlanningContext#declaredParamTypes()}), else the type
     * the first use implied ({@code col = $1} gives col's type, {@code $1 + 1} int4, {@code SELECT $1} text);
     * a parameter whose type cannot be determined fails planning with 42P18
     * {@code could not determine data type of parameter $n}.
     */
    int[] paramTypes();

    /**
     * RowDescription of the rows the statement returns (format 0 in every column): the select list, or
     * the RETURNING list; null for DML without RETURNING.
     */
    List<ResultColumn> columns();

    /** OIDs of every relation the plan read from the catalog (views included): invalidate on DDL to them. */
    Set<Integer> relationOids();
}
