package dev.tusk.executor;

import dev.tusk.parser.analyze.Deparser;
import dev.tusk.parser.analyze.TypedExpr;
import java.util.List;

/**
 * A raw expression analyzed against a relation's columns ({@link ExpressionCompiler#analyze}): its type, its
 * stored text form ({@link #deparse()}, what pg_attrdef.adbin / pg_constraint.conbin hold and pg_get_expr
 * prints), and its compiled form.
 *
 * @param expr        the analyzed tree; Vars have levelsUp 0, rtIndex 0 and attno = attnum
 * @param columnNames names of the relation's columns by attnum-1 (dropped: null), for deparsing
 */
public record AnalyzedExpression(TypedExpr expr, List<String> columnNames) {
    public int type() {
        return expr.type();
    }

    public int typmod() {
        return expr.typmod();
    }

    /** PostgreSQL's deparsed text, e.g. {@code (a > 0)}, {@code nextval('t_id_seq'::regclass)}, {@code 'x'::text}. */
    public String deparse() {
        return Deparser.expression(expr, columnNames);
    }

    /** True when the expression reads no column (a DEFAULT must not; a CHECK usually does). */
    public boolean referencesColumns() {
        return Deparser.referencesVars(expr);
    }

    /** Compiles it once for repeated evaluation. */
    public CompiledExpr compile() {
        Evaluator e = ExprCompiler.forRelationRow(expr);
        return (row, ctx) -> e.eval(row, new ExecState(ctx));
    }
}
