package dev.tusk.executor;

import dev.tusk.catalog.ColumnDesc;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.RawStmt;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.optimizer.PlanningContext;
import dev.tusk.parser.Parser;
import dev.tusk.parser.analyze.Analyzer;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.List;

/**
 * Scalar expressions over one relation's columns for the command layer (H6): CHECK constraints, column
 * DEFAULTs, generated columns (PostgreSQL's {@code cookDefault}/{@code cookConstraint} +
 * {@code ExecPrepareExpr}).
 */
public final class ExpressionCompiler {
    private ExpressionCompiler() {
    }

    /** Where the expression is used: decides what is allowed and the wording of errors. */
    public enum Use {
        /**
         * DEFAULT: no column references (0A000 {@code cannot use column reference in DEFAULT expression}), no
         * subqueries, no aggregates; coerced to the column type (assignment cast, 42804 {@code column "a" is of
         * type integer but default expression is of type text} when impossible).
         */
        COLUMN_DEFAULT("DEFAULT expressions", "default expression"),
        /** CHECK: must be boolean (42804 {@code argument of CHECK must be type boolean, not type integer}). */
        CHECK_CONSTRAINT("check constraints", "check constraint"),
        /** GENERATED ALWAYS AS (...) STORED: like a default, but columns may be referenced. */
        GENERATED_COLUMN("column generation expressions", "generation expression");

        final String plural;
        final String singular;

        Use(String plural, String singular) {
            this.plural = plural;
            this.singular = singular;
        }
    }

    /**
     * Analyzes {@code raw} over the columns of relation {@code relationName} (which need not exist in the catalog
     * yet: CREATE TABLE passes its new columns, attnum order, dropped ones included). For
     * {@link Use#COLUMN_DEFAULT} and {@link Use#GENERATED_COLUMN} the result is coerced to
     * {@code targetType}/{@code targetTypmod} ({@code columnName} for the error text); for CHECK to boolean.
     */
    public static AnalyzedExpression analyze(Expr raw, String relationName, List<ColumnDesc> columns, Use use,
            String columnName, int targetType, int targetTypmod, PlanningContext ctx) {
        return new Analyzer(ctx).analyzeColumnExpression(raw, relationName, columns, use.name(), use.plural,
                columnName, targetType, targetTypmod);
    }

    /** The same for stored text (pg_attrdef/pg_constraint expression text, e.g. a column's default). */
    public static AnalyzedExpression analyzeText(String text, String relationName, List<ColumnDesc> columns, Use use,
            String columnName, int targetType, int targetTypmod, PlanningContext ctx) {
        return analyze(parseExpression(text), relationName, columns, use, columnName, targetType, targetTypmod, ctx);
    }

    /** Parses one expression's text (stored defaults, CHECK bodies). */
    public static Expr parseExpression(String text) {
        List<RawStmt> stmts = Parser.parse("SELECT " + text);
        if (stmts.size() == 1 && stmts.get(0).stmt() instanceof SelectStmt s && s.targetList().size() == 1
                && s.fromClause().isEmpty()) {
            return s.targetList().get(0).val();
        }
        throw new TuskException(SqlState.SYNTAX_ERROR, "invalid expression text: " + text);
    }
}
