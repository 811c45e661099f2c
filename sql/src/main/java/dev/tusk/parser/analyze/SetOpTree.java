package dev.tusk.parser.analyze;

import java.util.List;

/**
 * UNION/INTERSECT/EXCEPT structure (PostgreSQL's SetOperationStmt). Leaves are analyzed queries whose result
 * columns were coerced to the unified {@code columnTypes}.
 */
public sealed interface SetOpTree {
    enum Op { UNION, INTERSECT, EXCEPT }

    List<Integer> columnTypes();

    record Leaf(Query query, List<Integer> columnTypes) implements SetOpTree {
    }

    record Node(Op op, boolean all, SetOpTree left, SetOpTree right, List<Integer> columnTypes,
            List<Integer> columnTypmods) implements SetOpTree {
    }
}
