package dev.tusk.parser.analyze;

import dev.tusk.nodes.JoinExpr;
import dev.tusk.utils.error.SqlState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One JOIN (PostgreSQL's transformFromClauseItem for JoinExpr and transformJoinUsingClause). The join gets
 * its own range-table entry whose columns are the merged USING columns first, then the left's, then the
 * right's other columns; its members stay reachable by qualified names only (by none when the join has an
 * alias).
 */
final class JoinAnalyzer {
    private final Analyzer a;
    private final FromAnalyzer from;

    JoinAnalyzer(Analyzer a, FromAnalyzer from) {
        this.a = a;
        this.from = from;
    }

    FromAnalyzer.Item join(JoinExpr j, ParseState ps) {
        FromAnalyzer.Item left = from.item(j.larg(), ps);
        JoinTree.Kind kind = switch (j.jointype()) {
            case INNER -> JoinTree.Kind.INNER;
            case LEFT -> JoinTree.Kind.LEFT;
            case RIGHT -> JoinTree.Kind.RIGHT;
            case FULL -> JoinTree.Kind.FULL;
        };
        // The right side may reference the left one only when it is LATERAL, and only for INNER/LEFT joins.
        int mark = ps.lateralNs.size();
        ps.lateralNs.addAll(left.namespace());
        java.util.Set<Integer> bad = new java.util.HashSet<>();
        if (kind == JoinTree.Kind.RIGHT || kind == JoinTree.Kind.FULL) {
            for (NsItem n : left.namespace()) {
                if (ps.lateralBad.add(n.rtIndex())) {
                    bad.add(n.rtIndex());
                }
            }
        }
        FromAnalyzer.Item right;
        try {
            right = from.item(j.rarg(), ps);
        } finally {
            ps.lateralNs.subList(mark, ps.lateralNs.size()).clear();
            ps.lateralBad.removeAll(bad);
        }
        NsItem l = left.unit();
        NsItem r = right.unit();
        List<String> using = new ArrayList<>(j.usingClause());
        if (j.isNatural()) {
            for (String n : l.colNames()) {
                if (n != null && r.find(n) >= 0 && !using.contains(n)) {
                    using.add(n);
                }
            }
        }
        List<String> names = new ArrayList<>();
        List<TypedExpr> exprs = new ArrayList<>();
        List<TypedExpr> quals = new ArrayList<>();
        Set<Integer> usedLeft = new HashSet<>();
        Set<Integer> usedRight = new HashSet<>();
        OperatorAnalyzer oa = new OperatorAnalyzer(a);
        for (String col : using) {
            int li = l.find(col);
            int ri = r.find(col);
            if (li == -2) {
                throw AnalyzeErrors.at(SqlState.AMBIGUOUS_COLUMN, "common column name \"" + col
                        + "\" appears more than once in left table", -1);
            }
            if (ri == -2) {
                throw AnalyzeErrors.at(SqlState.AMBIGUOUS_COLUMN, "common column name \"" + col
                        + "\" appears more than once in right table", -1);
            }
            if (li < 0) {
                throw AnalyzeErrors.at(SqlState.UNDEFINED_COLUMN, "column \"" + col
                        + "\" specified in USING clause does not exist in left table", -1);
            }
            if (ri < 0) {
                throw AnalyzeErrors.at(SqlState.UNDEFINED_COLUMN, "column \"" + col
                        + "\" specified in USING clause does not exist in right table", -1);
            }
            if (!usedLeft.add(li)) {
                throw AnalyzeErrors.at(SqlState.DUPLICATE_COLUMN, "column name \"" + col
                        + "\" appears more than once in USING clause", -1);
            }
            usedRight.add(ri);
            TypedExpr lv = l.colExprs().get(li);
            TypedExpr rv = r.colExprs().get(ri);
            int type = a.coercion().commonType(List.of(lv, rv), "JOIN/USING", -1);
            lv = a.coercion().implicit(lv, type, -1);
            rv = a.coercion().implicit(rv, type, -1);
            quals.add(oa.makeOp("=", lv, rv, -1));
            names.add(col);
            exprs.add(switch (kind) {
                case RIGHT -> rv;
                case FULL -> new TypedExpr.Coalesce(List.of(lv, rv), type, -1);
                default -> lv;
            });
        }
        addRest(l, usedLeft, names, exprs);
        addRest(r, usedRight, names, exprs);
        TypedExpr q = null;
        if (j.quals() != null) {
            // ON sees exactly the two sides (and enclosing query levels).
            List<NsItem> saved = new ArrayList<>(ps.namespace);
            ExprKind savedKind = ps.exprKind;
            ps.namespace.clear();
            ps.namespace.addAll(left.namespace());
            ps.namespace.addAll(right.namespace());
            ps.exprKind = ExprKind.JOIN_ON;
            try {
                q = a.coercion().toBoolean(a.exprs().transform(j.quals(), ps), "JOIN/ON", j.quals().location());
            } finally {
                ps.namespace.clear();
                ps.namespace.addAll(saved);
                ps.exprKind = savedKind;
            }
        } else if (!quals.isEmpty()) {
            q = quals.size() == 1 ? quals.get(0) : new TypedExpr.Bool(TypedExpr.BoolKind.AND, quals);
        }
        List<Integer> types = exprs.stream().map(TypedExpr::type).toList();
        List<Integer> typmods = exprs.stream().map(TypedExpr::typmod).toList();
        String alias = j.alias() == null ? null : j.alias().aliasname();
        if (j.alias() != null && !j.alias().colnames().isEmpty()) {
            for (int i = 0; i < j.alias().colnames().size() && i < names.size(); i++) {
                names.set(i, j.alias().colnames().get(i));
            }
        }
        int rt = ps.addRte(new Rte.JoinRte(kind, alias, names, types, typmods, exprs));
        NsItem joinItem = new NsItem(rt, alias, null, alias != null, true, names, exprs, 0);
        List<NsItem> ns = new ArrayList<>();
        for (NsItem n : left.namespace()) {
            ns.add(alias != null ? n.invisible() : n.hidden());
        }
        for (NsItem n : right.namespace()) {
            ns.add(alias != null ? n.invisible() : n.hidden());
        }
        ns.add(joinItem);
        if (j.joinUsingAlias() != null) {
            // JOIN ... USING (cols) AS x: x.col names the merged columns only (PostgreSQL 14+).
            int n = using.size();
            ns.add(new NsItem(rt, j.joinUsingAlias().aliasname(), null, true, false, names.subList(0, n),
                    exprs.subList(0, n), 0));
        }
        return new FromAnalyzer.Item(new JoinTree.Join(kind, left.tree(), right.tree(), q, rt), ns, joinItem);
    }

    private static void addRest(NsItem side, Set<Integer> used, List<String> names, List<TypedExpr> exprs) {
        for (int i = 0; i < side.colNames().size(); i++) {
            if (!used.contains(i) && side.colNames().get(i) != null) {
                names.add(side.colNames().get(i));
                exprs.add(side.colExprs().get(i));
            }
        }
    }
}
