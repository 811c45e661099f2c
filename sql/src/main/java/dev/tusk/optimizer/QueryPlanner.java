package dev.tusk.optimizer;

import dev.tusk.executor.PlannedStatement;
import dev.tusk.nodes.DeleteStmt;
import dev.tusk.nodes.InsertStmt;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.Stmt;
import dev.tusk.nodes.UpdateStmt;
import dev.tusk.parser.analyze.Analyzer;
import dev.tusk.parser.analyze.DmlQuery;
import dev.tusk.parser.analyze.Query;
import dev.tusk.parser.analyze.ViewDefinition;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/**
 * The entry point from the session layer to analysis and planning (PostgreSQL's {@code parse_analyze} +
 * {@code pg_plan_query}): a raw SELECT/VALUES/INSERT/UPDATE/DELETE in, a reusable {@link PlannedStatement} out.
 * Errors are TuskExceptions with PostgreSQL's SQLSTATE, message and 1-based cursor position.
 */
public final class QueryPlanner {
    private QueryPlanner() {
    }

    /**
     * Analyzes and plans one statement. {@code stmt} must be a {@link SelectStmt} (including VALUES and set
     * operations), {@link InsertStmt}, {@link UpdateStmt} or {@link DeleteStmt}; anything else is a utility
     * statement (H6's). SELECT INTO is H6's too (plan the SelectStmt without its intoClause).
     */
    public static PlannedStatement plan(Stmt stmt, PlanningContext ctx) {
        Analyzer analyzer = new Analyzer(ctx);
        return switch (stmt) {
            case SelectStmt s -> {
                Query q = analyzer.analyzeSelect(s);
                yield new Planner(ctx, analyzer).planQuery(q);
            }
            case InsertStmt s -> new Planner(ctx, analyzer).planDml(analyzer.analyzeInsert(s));
            case UpdateStmt s -> new Planner(ctx, analyzer).planDml(analyzer.analyzeUpdate(s));
            case DeleteStmt s -> new Planner(ctx, analyzer).planDml(analyzer.analyzeDelete(s));
            default -> throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED,
                    "cannot plan " + stmt.getClass().getSimpleName());
        };
    }

    /**
     * EXPLAIN [ (options) ] stmt without ANALYZE: the {@code QUERY PLAN} lines (one text row each) in
     * PostgreSQL's text format as with COSTS OFF (cost estimates are not produced; the COSTS option is accepted
     * and ignored). The session layer calls this for an {@link dev.tusk.nodes.ExplainStmt} whose
     * {@code analyze} option is absent or false; the inner statement is planned like {@link #plan}.
     */
    public static java.util.List<String> explain(dev.tusk.nodes.ExplainStmt stmt, PlanningContext ctx) {
        PlannedStatement ps = plan(stmt.query(), ctx);
        if (ps instanceof dev.tusk.executor.PlannedQuery q) {
            return dev.tusk.executor.Explain.lines(q.plan());
        }
        DmlQuery d = analyzeDml(stmt.query(), ctx);
        String verb = switch (d.kind()) {
            case INSERT -> "Insert on ";
            case UPDATE -> "Update on ";
            case DELETE -> "Delete on ";
        };
        return java.util.List.of(verb + d.target().name());
    }

    /**
     * CREATE VIEW's analysis: the view's columns (names after {@code aliases}, types, typmods) and its
     * definition text in pg_get_viewdef's form, to store in the catalog. Errors as for {@link #plan}.
     */
    public static ViewDefinition analyzeView(SelectStmt query, java.util.List<String> aliases, PlanningContext ctx) {
        return new Analyzer(ctx).analyzeView(query, aliases);
    }

    /** The analysis only (for tests and for tools that inspect a query). */
    public static DmlQuery analyzeDml(Stmt stmt, PlanningContext ctx) {
        Analyzer a = new Analyzer(ctx);
        return switch (stmt) {
            case InsertStmt s -> a.analyzeInsert(s);
            case UpdateStmt s -> a.analyzeUpdate(s);
            case DeleteStmt s -> a.analyzeDelete(s);
            default -> throw new IllegalArgumentException("not a DML statement: " + stmt);
        };
    }
}
