package dev.tusk.parser.analyze;

import dev.tusk.catalog.IndexDesc;
import dev.tusk.utils.error.SqlState;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * check_ungrouped_columns (parse_agg.c): with GROUP BY or aggregates, every column reference of this level
 * outside an aggregate must be inside a grouped expression, or belong to a table whose primary key is
 * grouped (functional dependency, as PostgreSQL allows). 42803 otherwise.
 */
final class GroupingChecker {
    private final List<TypedExpr> groupBy;
    private final List<Rte> rtable;
    private final Set<Integer> pkGroupedRels = new HashSet<>();
    private final java.util.List<TypedExpr> dependent = new java.util.ArrayList<>();

    GroupingChecker(List<TypedExpr> groupBy, List<Rte> rtable) {
        this.groupBy = groupBy;
        this.rtable = rtable;
        Set<Long> grouped = new HashSet<>();
        for (TypedExpr g : groupBy) {
            if (g instanceof TypedExpr.Var v && v.levelsUp() == 0) {
                grouped.add(((long) v.rtIndex() << 32) | v.attno());
            }
        }
        for (int rt = 0; rt < rtable.size(); rt++) {
            if (rtable.get(rt) instanceof Rte.Relation r) {
                IndexDesc pk = r.relation().primaryKey();
                if (pk != null) {
                    boolean all = true;
                    for (int att : pk.keyAttnums()) {
                        all &= grouped.contains(((long) rt << 32) | att);
                    }
                    if (all) {
                        pkGroupedRels.add(rt);
                    }
                }
            }
        }
    }

    /** Columns allowed through a grouped primary key: grouping by them too changes no group. */
    java.util.List<TypedExpr> dependentColumns() {
        return dependent;
    }

    void check(TypedExpr e) {
        if (e == null || groupBy.contains(e)) {
            return;
        }
        switch (e) {
            case TypedExpr.Aggref a -> {
            }
            case TypedExpr.Var v when v.levelsUp() == 0 -> {
                if (pkGroupedRels.contains(v.rtIndex())) {
                    if (!dependent.contains(v)) {
                        dependent.add(v);
                    }
                    return;
                }
                Rte rte = rtable.get(v.rtIndex());
                String col = v.attno() > 0 ? rte.colNames().get(v.attno() - 1) : "ctid";
                String ref = rte.alias() == null ? col : rte.alias() + "." + col;
                throw AnalyzeErrors.at(SqlState.GROUPING_ERROR, "column \"" + ref
                        + "\" must appear in the GROUP BY clause or be used in an aggregate function", v.location());
            }
            default -> {
                for (TypedExpr c : ExprTrees.children(e)) {
                    check(c);
                }
            }
        }
    }
}
