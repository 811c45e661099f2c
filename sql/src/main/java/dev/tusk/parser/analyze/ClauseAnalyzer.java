package dev.tusk.parser.analyze;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.ColumnRef;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.SortBy;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;

/**
 * GROUP BY, ORDER BY, DISTINCT ON and LIMIT/OFFSET (PostgreSQL's parse_clause.c findTargetlistEntrySQL92/99,
 * transformSortClause, transformDistinctOnClause, transformLimitClause).
 */
final class ClauseAnalyzer {
    private final Analyzer a;

    ClauseAnalyzer(Analyzer a) {
        this.a = a;
    }

    /** GROUP BY: a position or output name refers to the select list; otherwise an expression over FROM. */
    List<TypedExpr> groupBy(List<Expr> items, List<TargetEntry> targets, ParseState ps) {
        List<TypedExpr> out = new ArrayList<>();
        ExprKind saved = ps.exprKind;
        ps.exprKind = ExprKind.GROUP_BY;
        try {
            for (Expr item : items) {
                TypedExpr e = null;
                if (item instanceof AConst c && c.value() instanceof AConst.Literal.Int i) {
                    e = byPosition(i.value(), targets, "GROUP BY", c.location());
                } else if (item instanceof ColumnRef cr && cr.names().size() == 1 && !cr.star()) {
                    try {
                        e = a.exprs().transform(item, ps);
                    } catch (TuskException ex) {
                        if (ex.sqlState() != SqlState.UNDEFINED_COLUMN) {
                            throw ex;
                        }
                        e = byName(cr.names().get(0), targets, "GROUP BY", cr.location());
                        if (e == null) {
                            throw ex;
                        }
                    }
                } else {
                    e = a.exprs().transform(item, ps);
                }
                e = a.coercion().resolveUnknown(e);
                if (!out.contains(e)) {
                    out.add(e);
                }
            }
        } finally {
            ps.exprKind = saved;
        }
        return out;
    }

    private static TypedExpr byPosition(int pos, List<TargetEntry> targets, String clause, int loc) {
        List<TargetEntry> visible = targets.stream().filter(t -> !t.junk()).toList();
        if (pos < 1 || pos > visible.size()) {
            throw AnalyzeErrors.at(SqlState.INVALID_COLUMN_REFERENCE, clause + " position " + pos
                    + " is not in select list", loc);
        }
        return visible.get(pos - 1).expr();
    }

    private static TypedExpr byName(String name, List<TargetEntry> targets, String clause, int loc) {
        TypedExpr found = null;
        for (TargetEntry t : targets) {
            if (!t.junk() && name.equals(t.name())) {
                if (found != null && !found.equals(t.expr())) {
                    throw AnalyzeErrors.at(SqlState.AMBIGUOUS_COLUMN, clause + " \"" + name + "\" is ambiguous",
                            loc);
                }
                found = t.expr();
            }
        }
        return found;
    }

    /**
     * ORDER BY (SQL92 rules first: a position or an output column name; else an expression over FROM). The
     * expression of each key is added to {@code targets} as a junk entry when not already there.
     */
    List<SortItem> orderBy(List<SortBy> items, List<TargetEntry> targets, ParseState ps, boolean distinct) {
        List<SortItem> out = new ArrayList<>();
        ExprKind saved = ps.exprKind;
        ps.exprKind = ExprKind.ORDER_BY;
        try {
            for (SortBy s : items) {
                TypedExpr e = resolveSortExpr(s.node(), targets, ps, "ORDER BY");
                if (!containsExpr(targets, e)) {
                    if (distinct) {
                        throw AnalyzeErrors.at(SqlState.INVALID_COLUMN_REFERENCE,
                                "for SELECT DISTINCT, ORDER BY expressions must appear in select list",
                                s.node().location());
                    }
                    targets.add(new TargetEntry(e, null, true, 0, 0));
                }
                boolean desc;
                switch (s.dir()) {
                    case DESC -> desc = true;
                    case USING -> {
                        String op = s.useOp().get(s.useOp().size() - 1);
                        if (op.equals("<")) {
                            desc = false;
                        } else if (op.equals(">")) {
                            desc = true;
                        } else {
                            throw AnalyzeErrors.at(SqlState.WRONG_OBJECT_TYPE, "operator " + op
                                    + " is not a valid ordering operator", s.location());
                        }
                    }
                    default -> desc = false;
                }
                boolean nullsFirst = s.nulls() == SortBy.SortByNulls.DEFAULT ? desc
                        : s.nulls() == SortBy.SortByNulls.FIRST;
                out.add(new SortItem(e, desc, nullsFirst));
            }
        } finally {
            ps.exprKind = saved;
        }
        return out;
    }

    private static boolean containsExpr(List<TargetEntry> targets, TypedExpr e) {
        for (TargetEntry t : targets) {
            if (t.expr().equals(e)) {
                return true;
            }
        }
        return false;
    }

    TypedExpr resolveSortExpr(Expr node, List<TargetEntry> targets, ParseState ps, String clause) {
        if (node instanceof AConst c && c.value() instanceof AConst.Literal.Int i) {
            return byPosition(i.value(), targets, clause, c.location());
        }
        if (node instanceof ColumnRef cr && cr.names().size() == 1 && !cr.star()) {
            TypedExpr byName = byName(cr.names().get(0), targets, clause, cr.location());
            if (byName != null) {
                return byName;
            }
        }
        return a.coercion().resolveUnknown(a.exprs().transform(node, ps));
    }

    /** DISTINCT ON expressions; ORDER BY must start with them (42P10). */
    List<TypedExpr> distinctOn(List<Expr> items, List<TargetEntry> targets, List<SortItem> order, ParseState ps) {
        List<TypedExpr> out = new ArrayList<>();
        ExprKind saved = ps.exprKind;
        ps.exprKind = ExprKind.DISTINCT_ON;
        try {
            for (Expr item : items) {
                TypedExpr e = resolveSortExpr(item, targets, ps, "DISTINCT ON");
                if (!containsExpr(targets, e)) {
                    targets.add(new TargetEntry(e, null, true, 0, 0));
                }
                if (!out.contains(e)) {
                    out.add(e);
                }
            }
        } finally {
            ps.exprKind = saved;
        }
        int n = Math.min(order.size(), out.size());
        for (int i = 0; i < n; i++) {
            if (!out.contains(order.get(i).expr())) {
                throw AnalyzeErrors.at(SqlState.INVALID_COLUMN_REFERENCE,
                        "SELECT DISTINCT ON expressions must match initial ORDER BY expressions",
                        items.get(0).location());
            }
        }
        return out;
    }

    /** LIMIT/OFFSET: no variables of this query, coerced to bigint. */
    TypedExpr limit(Expr e, String clause, ParseState ps) {
        if (e == null) {
            return null;
        }
        ExprKind saved = ps.exprKind;
        ps.exprKind = clause.equals("LIMIT") ? ExprKind.LIMIT : ExprKind.OFFSET;
        try {
            TypedExpr t = a.exprs().transform(e, ps);
            if (ExprTrees.hasLocalVars(t)) {
                throw AnalyzeErrors.at(SqlState.INVALID_COLUMN_REFERENCE, "argument of " + clause
                        + " must not contain variables", e.location());
            }
            return a.coercion().toSpecific(t, TypeOids.INT8, clause, e.location());
        } finally {
            ps.exprKind = saved;
        }
    }
}
