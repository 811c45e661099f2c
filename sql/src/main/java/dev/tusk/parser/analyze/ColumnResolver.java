package dev.tusk.parser.analyze;

import dev.tusk.nodes.ColumnRef;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import java.util.List;

/**
 * Column references (PostgreSQL's transformColumnRef, colNameToVar, refnameNamespaceItem): unqualified names
 * through the visible columns of this level, then enclosing levels (outer references); {@code t.c} through the
 * entry named t; {@code s.t.c} with the schema. The system column ctid is found on a table entry.
 */
final class ColumnResolver {
    private final Analyzer a;

    ColumnResolver(Analyzer a) {
        this.a = a;
    }

    TypedExpr resolve(ColumnRef c, ParseState ps) {
        List<String> names = c.names();
        int loc = c.location();
        if (c.star()) {
            if (names.isEmpty()) {
                throw AnalyzeErrors.at(SqlState.FEATURE_NOT_SUPPORTED,
                        "row expansion via \"*\" is not supported here", loc);
            }
            // t.* inside an expression: the whole row of t
            String schema = names.size() >= 2 ? names.get(names.size() - 2) : null;
            String table = names.get(names.size() - 1);
            int levels = 0;
            for (ParseState p = ps; p != null; p = p.parent, levels++) {
                NsItem item = findRel(p, schema, table, loc);
                if (item != null) {
                    return ExprTrees.incrementLevels(wholeRow(item), levels);
                }
            }
            throw missingTable(ps, table, loc);
        }
        switch (names.size()) {
            case 1 -> {
                String name = names.get(0);
                int levels = 0;
                for (ParseState p = ps; p != null; p = p.parent, levels++) {
                    TypedExpr e = unqualified(p, name, loc);
                    if (e != null) {
                        return ExprTrees.incrementLevels(withLocation(e, loc), levels);
                    }
                }
                levels = 0;
                for (ParseState p = ps; p != null; p = p.parent, levels++) {
                    NsItem item = findRel(p, null, name, loc);
                    if (item != null) {
                        return ExprTrees.incrementLevels(wholeRow(item), levels);
                    }
                }
                throw hiddenColumnHint(ps, name, AnalyzeErrors.columnNotFound(name, loc));
            }
            case 2, 3 -> {
                String schema = names.size() == 3 ? names.get(0) : null;
                String table = names.get(names.size() - 2);
                String col = names.get(names.size() - 1);
                int levels = 0;
                for (ParseState p = ps; p != null; p = p.parent, levels++) {
                    NsItem item = findRel(p, schema, table, loc);
                    if (item != null) {
                        checkLateral(p, item, loc);
                        TypedExpr e = column(p, item, col, loc);
                        if (e == null) {
                            throw AnalyzeErrors.qualifiedColumnNotFound(table, col, loc);
                        }
                        return ExprTrees.incrementLevels(withLocation(e, loc), levels);
                    }
                }
                throw missingTable(ps, table, loc);
            }
            default -> throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR,
                    "improper qualified name (too many dotted names): " + String.join(".", names), loc);
        }
    }

    /** The expression for unqualified {@code name} at level {@code p}, or null. */
    private TypedExpr unqualified(ParseState p, String name, int loc) {
        TypedExpr found = null;
        for (NsItem item : p.namespace) {
            if (!item.colsVisible()) {
                continue;
            }
            int i = item.find(name);
            if (i == -2 || (i >= 0 && found != null)) {
                throw AnalyzeErrors.ambiguousColumn(name, loc);
            }
            if (i >= 0) {
                checkLateral(p, item, loc);
                found = item.colExprs().get(i);
            }
        }
        if (found == null && name.equals("ctid")) {
            for (NsItem item : p.namespace) {
                if (item.colsVisible() && p.rtable.get(item.rtIndex()) instanceof Rte.Relation) {
                    if (found != null) {
                        throw AnalyzeErrors.ambiguousColumn(name, loc);
                    }
                    found = ctid(item, loc);
                }
            }
        }
        return found;
    }

    /** PostgreSQL's errorMissingColumn hint when a FROM item to the left (not LATERAL-visible) has the column. */
    private static dev.tusk.utils.error.TuskException hiddenColumnHint(ParseState ps, String name,
            dev.tusk.utils.error.TuskException e) {
        for (ParseState p = ps; p != null; p = p.parent) {
            for (NsItem item : p.lateralNs) {
                if (item.relVisible() && item.refname() != null && item.find(name) >= 0
                        && !p.namespace.contains(item)) {
                    return e.withHint("There is a column named \"" + name + "\" in table \"" + item.refname()
                            + "\", but it cannot be referenced from this part of the query.");
                }
            }
        }
        return e;
    }

    /** A LATERAL reference into the left side of a RIGHT or FULL JOIN (42P10, as PostgreSQL). */
    private static void checkLateral(ParseState p, NsItem item, int loc) {
        if (p.lateralBad.contains(item.rtIndex()) && p.lateralNs.contains(item)) {
            throw AnalyzeErrors.at(SqlState.INVALID_COLUMN_REFERENCE, "invalid reference to FROM-clause entry for table \""
                    + item.refname() + "\"", loc).withDetail(
                            "The combining JOIN type must be INNER or LEFT for a LATERAL reference.");
        }
    }

    private TypedExpr column(ParseState p, NsItem item, String col, int loc) {
        int i = item.find(col);
        if (i == -2) {
            throw AnalyzeErrors.ambiguousColumn(item.refname() + "." + col, loc);
        }
        if (i >= 0) {
            return item.colExprs().get(i);
        }
        if (col.equals("ctid") && p.rtable.get(item.rtIndex()) instanceof Rte.Relation) {
            return ctid(item, loc);
        }
        return null;
    }

    /** A whole-row reference to a FROM item: a row of its visible columns. */
    private static TypedExpr wholeRow(NsItem item) {
        return new TypedExpr.Row(item.colExprs());
    }

    private static TypedExpr ctid(NsItem item, int loc) {
        return new TypedExpr.Var(0, item.rtIndex(), TypedExpr.Var.CTID_ATTNO, TypeOids.TID, -1, loc);
    }

    /** The entry reachable as {@code [schema.]table} at level {@code p}, or null. */
    static NsItem findRel(ParseState p, String schema, String table, int loc) {
        NsItem found = null;
        for (NsItem item : p.namespace) {
            if (!item.relVisible() || !table.equals(item.refname())) {
                continue;
            }
            if (schema != null && !schema.equals(item.schemaName())) {
                continue;
            }
            if (found != null) {
                throw AnalyzeErrors.at(SqlState.AMBIGUOUS_ALIAS, "table reference \"" + table + "\" is ambiguous",
                        loc);
            }
            found = item;
        }
        return found;
    }

    /** missing FROM-clause entry, or PostgreSQL's hint when the table is there under an alias. */
    static dev.tusk.utils.error.TuskException missingTable(ParseState ps, String table, int loc) {
        for (ParseState p = ps; p != null; p = p.parent) {
            for (NsItem item : p.lateralNs) {
                if (item.relVisible() && table.equals(item.refname())) {
                    // an item to the left, visible only to LATERAL items (PostgreSQL's errorMissingRTE)
                    return AnalyzeErrors.at(SqlState.UNDEFINED_TABLE, "invalid reference to FROM-clause entry for table \""
                            + table + "\"", "There is an entry for table \"" + table
                            + "\", but it cannot be referenced from this part of the query.", loc);
                }
            }
        }
        for (ParseState p = ps; p != null; p = p.parent) {
            for (NsItem item : p.namespace) {
                Rte rte = p.rtable.get(item.rtIndex());
                if (rte instanceof Rte.Relation r && r.relation().name().equals(table) && item.refname() != null
                        && !item.refname().equals(table)) {
                    return AnalyzeErrors.at(SqlState.UNDEFINED_TABLE, "invalid reference to FROM-clause entry for table \""
                            + table + "\"", "Perhaps you meant to reference the table alias \"" + item.refname() + "\".",
                            loc);
                }
            }
        }
        return AnalyzeErrors.missingFromEntry(table, loc);
    }

    private static TypedExpr withLocation(TypedExpr e, int loc) {
        if (e instanceof TypedExpr.Var v) {
            return new TypedExpr.Var(v.levelsUp(), v.rtIndex(), v.attno(), v.type(), v.typmod(), loc);
        }
        return e;
    }
}
