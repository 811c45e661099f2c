package dev.tusk.parser.analyze;

import java.util.List;

/**
 * One WITH entry after analysis. A recursive CTE has {@code recursiveTerm} (the part after UNION [ALL]
 * referencing the CTE itself) and {@code query} is then the non-recursive term; {@code unionAll} tells whether
 * duplicates are kept.
 */
public record CteDef(String name, Query query, List<String> columnNames, List<Integer> columnTypes,
        List<Integer> columnTypmods, Query recursiveTerm, boolean unionAll) {
    public boolean recursive() {
        return recursiveTerm != null;
    }
}
