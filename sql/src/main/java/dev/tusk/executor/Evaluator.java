package dev.tusk.executor;

/**
 * A compiled expression (PostgreSQL's {@code ExprState} after ExecInitExpr, but as a tree of closures): the
 * analyzed expression is turned into nested lambdas once per plan, so evaluation per row does no tree walking or
 * type dispatch. {@code row} is the input row of the node evaluating it.
 */
@FunctionalInterface
public interface Evaluator {
    Object eval(Object[] row, ExecState state);
}
