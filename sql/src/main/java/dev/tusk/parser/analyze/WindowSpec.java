package dev.tusk.parser.analyze;

import dev.tusk.nodes.WindowDef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An analyzed window of {@code OVER (...)} (PostgreSQL's WindowClause): partitioning, ordering and frame.
 * {@code frameOptions} holds {@link WindowDef}'s FRAMEOPTION_* bits; {@code startOffset}/{@code endOffset} are the
 * int8 offsets of {@code n PRECEDING/FOLLOWING} frames (null otherwise). Equal specs share one WindowAgg node.
 */
public record WindowSpec(List<TypedExpr> partitionBy, List<SortItem> orderBy, int frameOptions,
        TypedExpr startOffset, TypedExpr endOffset) {
    public WindowSpec {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

    public boolean has(int option) {
        return (frameOptions & option) != 0;
    }

    /** The sub-expressions of a window function call (arguments, FILTER, window keys) for tree walkers. */
    static List<TypedExpr> children(TypedExpr.WindowFunc w) {
        List<TypedExpr> l = new ArrayList<>(w.args());
        if (w.filter() != null) {
            l.add(w.filter());
        }
        WindowSpec s = w.window();
        l.addAll(s.partitionBy);
        for (SortItem i : s.orderBy) {
            l.add(i.expr());
        }
        if (s.startOffset != null) {
            l.add(s.startOffset);
        }
        if (s.endOffset != null) {
            l.add(s.endOffset);
        }
        return l;
    }

    /** {@code w} with every sub-expression rewritten by {@code fn} (ExprTrees.map's case). */
    static TypedExpr.WindowFunc map(TypedExpr.WindowFunc w, Function<TypedExpr, TypedExpr> fn) {
        WindowSpec s = w.window();
        List<SortItem> order = new ArrayList<>();
        for (SortItem i : s.orderBy) {
            order.add(new SortItem(fn.apply(i.expr()), i.descending(), i.nullsFirst()));
        }
        WindowSpec ns = new WindowSpec(s.partitionBy.stream().map(fn).toList(), order, s.frameOptions,
                s.startOffset == null ? null : fn.apply(s.startOffset),
                s.endOffset == null ? null : fn.apply(s.endOffset));
        return new TypedExpr.WindowFunc(w.name(), w.aggregate(), w.args().stream().map(fn).toList(), w.star(),
                w.filter() == null ? null : fn.apply(w.filter()), ns, w.type(), w.location());
    }

    /** The call as PostgreSQL's ruleutils prints it: {@code f(args) OVER (PARTITION BY ... ORDER BY ...)}. */
    static String deparse(TypedExpr.WindowFunc w, Function<TypedExpr, String> expr) {
        StringBuilder sb = new StringBuilder(w.name()).append('(');
        if (w.star()) {
            sb.append('*');
        } else {
            sb.append(String.join(", ", w.args().stream().map(expr).toList()));
        }
        sb.append(')');
        if (w.filter() != null) {
            sb.append(" FILTER (WHERE ").append(expr.apply(w.filter())).append(')');
        }
        sb.append(" OVER (");
        WindowSpec s = w.window();
        String sep = "";
        if (!s.partitionBy.isEmpty()) {
            sb.append("PARTITION BY ").append(String.join(", ", s.partitionBy.stream().map(expr).toList()));
            sep = " ";
        }
        if (!s.orderBy.isEmpty()) {
            sb.append(sep).append("ORDER BY ").append(String.join(", ", s.orderBy.stream()
                    .map(i -> expr.apply(i.expr()) + (i.descending() ? " DESC" : "")
                            + (i.nullsFirst() != i.descending() ? (i.nullsFirst() ? " NULLS FIRST" : " NULLS LAST")
                            : ""))
                    .toList()));
        }
        return sb.append(')').toString();
    }
}
