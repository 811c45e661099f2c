package dev.tusk.parser.analyze;

import dev.tusk.catalog.RelationDesc;
import java.util.List;

/**
 * A range-table entry (PostgreSQL's RangeTblEntry): one FROM item as the analyzer and planner see it. Every
 * kind exposes its column list: {@code colNames.get(attno-1)} is column {@code attno}. For a table, the
 * columns are all attributes in attnum order, dropped ones included with a null name (so attno = attnum).
 */
public sealed interface Rte {
    /** The name the entry is referenced by (alias, or the table/CTE/function name), null for an unnamed join. */
    String alias();

    List<String> colNames();

    List<Integer> colTypes();

    List<Integer> colTypmods();

    default int width() {
        return colNames().size();
    }

    /** A table (or a view's expansion is a {@link Subquery}). */
    record Relation(RelationDesc relation, String alias, List<String> colNames, List<Integer> colTypes,
            List<Integer> colTypmods) implements Rte {
    }

    /** A subquery in FROM, a view body, or a VALUES list analyzed as a query. */
    record Subquery(Query query, String alias, List<String> colNames, List<Integer> colTypes,
            List<Integer> colTypmods, boolean lateral) implements Rte {
    }

    /** VALUES (...), (...) in FROM or as INSERT's source: rows of expressions coerced to the column types. */
    record Values(List<List<TypedExpr>> rows, String alias, List<String> colNames, List<Integer> colTypes,
            List<Integer> colTypmods) implements Rte {
    }

    /**
     * A set-returning (or scalar) function in FROM; a composite result (Object[] values) spreads over the
     * columns, a scalar fills the one column; {@code ordinality} adds a bigint counter column.
     */
    record Function(TypedExpr call, boolean composite, boolean ordinality, String alias, List<String> colNames,
            List<Integer> colTypes, List<Integer> colTypmods) implements Rte {
    }

    /** A reference to WITH entry {@code cte} defined {@code levelsUp} query levels out. */
    record CteRef(CteDef cte, int levelsUp, String alias, List<String> colNames, List<Integer> colTypes,
            List<Integer> colTypmods, boolean selfReference) implements Rte {
    }

    /**
     * A join's own entry, for name resolution ({@code j.col} of an aliased join, merged USING columns).
     * {@code columns} gives, per join output column, the expression it stands for (a Var of one side, or
     * COALESCE of both for a FULL JOIN's merged column); the analyzer substitutes it, so the planner never
     * sees Vars of a join entry.
     */
    record JoinRte(JoinTree.Kind kind, String alias, List<String> colNames, List<Integer> colTypes,
            List<Integer> colTypmods, List<TypedExpr> columns) implements Rte {
    }

    /** The result of a set operation (the only FROM entry of a UNION/INTERSECT/EXCEPT query). */
    record SetOpResult(SetOpTree tree, List<String> colNames, List<Integer> colTypes, List<Integer> colTypmods)
            implements Rte {
        @Override
        public String alias() {
            return null;
        }
    }
}
