package dev.tusk.parser.analyze;

import java.util.List;

/**
 * One namespace entry of a query level (PostgreSQL's ParseNamespaceItem): a FROM item's reference name and
 * columns. {@code relVisible}: reachable as {@code refname.col}; {@code colsVisible}: its columns found by
 * unqualified names (false for the members of a join, whose join entry provides the merged columns).
 * {@code colExprs} give each column's expression at level 0 (Vars of the entry, or a join's merged columns).
 * Null names mark dropped columns.
 */
record NsItem(int rtIndex, String refname, String schemaName, boolean relVisible, boolean colsVisible,
        List<String> colNames, List<TypedExpr> colExprs, int relationOid) {

    NsItem hidden() {
        return new NsItem(rtIndex, refname, schemaName, relVisible, false, colNames, colExprs, relationOid);
    }

    NsItem invisible() {
        return new NsItem(rtIndex, refname, schemaName, false, false, colNames, colExprs, relationOid);
    }

    /** Index of the column called {@code name}, -1 if none, -2 if several. */
    int find(String name) {
        int found = -1;
        for (int i = 0; i < colNames.size(); i++) {
            if (name.equals(colNames.get(i))) {
                if (found >= 0) {
                    return -2;
                }
                found = i;
            }
        }
        return found;
    }
}
