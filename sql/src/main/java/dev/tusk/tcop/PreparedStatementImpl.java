package dev.tusk.tcop;

import dev.tusk.executor.PlannedStatement;
import dev.tusk.nodes.RawStmt;
import dev.tusk.nodes.Stmt;
import java.util.List;

/**
 * A parsed statement (CachedPlanSource): the raw tree, the parameter types and row shape once analyzed, and the
 * plan, kept until the catalogs change. Statements of a simple Query are analyzed only when they run (a later
 * statement may use a table an earlier one creates); Parse analyzes at once.
 */
final class PreparedStatementImpl implements PreparedStatement {
    private final String sql;
    private final RawStmt raw;
    private final int[] declaredTypes;
    private final SimpleBatch batch;
    private int[] paramTypes;
    private List<ResultColumn> columns;
    private PlannedStatement plan;
    private long planVersion = -1;
    private boolean described;

    PreparedStatementImpl(String sql, RawStmt raw, int[] declaredTypes, SimpleBatch batch) {
        this.sql = sql;
        this.raw = raw;
        this.declaredTypes = declaredTypes == null ? new int[0] : declaredTypes.clone();
        this.batch = batch;
        this.paramTypes = this.declaredTypes.clone();
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public int[] paramTypeOids() {
        return paramTypes.clone();
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public boolean isEmpty() {
        return raw == null;
    }

    RawStmt raw() {
        return raw;
    }

    Stmt stmt() {
        return raw == null ? null : raw.stmt();
    }

    int[] declaredTypes() {
        return declaredTypes.clone();
    }

    SimpleBatch batch() {
        return batch;
    }

    PlannedStatement plan() {
        return plan;
    }

    long planVersion() {
        return planVersion;
    }

    boolean described() {
        return described;
    }

    void setPlan(PlannedStatement p, long version) {
        this.plan = p;
        this.planVersion = version;
        this.paramTypes = p.paramTypes();
        this.columns = p.columns();
        this.described = true;
    }

    /** A utility statement's shape (SHOW has one text column, most have none). */
    void setUtilityShape(List<ResultColumn> cols) {
        this.columns = cols;
        this.described = true;
    }

    void invalidate() {
        plan = null;
        planVersion = -1;
    }
}
