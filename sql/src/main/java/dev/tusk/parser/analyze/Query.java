package dev.tusk.parser.analyze;

import java.util.List;

/**
 * An analyzed SELECT (PostgreSQL's {@code Query} for CMD_SELECT; DML statements are analyzed into a Query for
 * their row source plus the pieces in {@link DmlQuery}).
 *
 * @param rtable     range table: every FROM item, join, subquery, CTE reference (Vars index it, 0-based)
 * @param from       the FROM list as join trees (an empty list: no FROM)
 * @param where      WHERE, or null
 * @param targets    the select list, then junk entries (ORDER BY/GROUP BY expressions not in the select list)
 * @param groupBy    GROUP BY expressions (empty when none)
 * @param having     HAVING, or null
 * @param hasAggs    aggregates appear in the select list, HAVING or ORDER BY (or GROUP BY is present)
 * @param orderBy    ORDER BY keys; each expr equals some target's expr
 * @param distinct   SELECT DISTINCT (over the non-junk targets)
 * @param distinctOn DISTINCT ON expressions (non-empty implies distinct)
 * @param limit      LIMIT count expression (int8), or null
 * @param offset     OFFSET expression (int8), or null
 * @param setOp      for UNION/INTERSECT/EXCEPT: the tree whose result rtable entry the targets read, else null
 * @param ctes       the WITH entries of this level (referenced by {@link Rte.CteRef})
 */
public record Query(List<Rte> rtable, List<JoinTree> from, TypedExpr where, List<TargetEntry> targets,
        List<TypedExpr> groupBy, TypedExpr having, boolean hasAggs, List<SortItem> orderBy, boolean distinct,
        List<TypedExpr> distinctOn, TypedExpr limit, TypedExpr offset, SetOpTree setOp, List<CteDef> ctes) {

    /** The visible (non-junk) targets: the result columns. */
    public List<TargetEntry> resultTargets() {
        return targets.stream().filter(t -> !t.junk()).toList();
    }
}
