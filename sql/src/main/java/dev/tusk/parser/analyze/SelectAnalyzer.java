package dev.tusk.parser.analyze;

import dev.tusk.nodes.CommonTableExpr;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.WithClause;
import dev.tusk.utils.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * SELECT, VALUES and WITH (PostgreSQL's analyze.c transformSelectStmt/transformValuesClause and
 * parse_cte.c). Set operations are {@link SetOpAnalyzer}'s.
 */
final class SelectAnalyzer {
    private final Analyzer a;

    SelectAnalyzer(Analyzer a) {
        this.a = a;
    }

    Query transform(SelectStmt s, ParseState ps) {
        if (s.intoClause() != null) {
            throw AnalyzeErrors.unsupported("SELECT INTO here", s.location());
        }
        if (!s.lockingClause().isEmpty()) {
            // FOR UPDATE/SHARE: accepted and ignored (row locks are not implemented).
        }
        List<CteDef> ctes = withClause(s.withClause(), ps);
        if (s.isSetOperation()) {
            return new SetOpAnalyzer(a).transform(s, ps, ctes);
        }
        if (s.isValues()) {
            return values(s, ps, ctes);
        }
        ps.windowDefs = WindowAnalyzer.windowClause(s.windowClause());
        List<JoinTree> from = new FromAnalyzer(a).transform(s.fromClause(), ps);
        List<TargetEntry> targets = new ArrayList<>(new TargetListAnalyzer(a).transform(s.targetList(), ps,
                ExprKind.SELECT_TARGET));
        TypedExpr where = null;
        if (s.whereClause() != null) {
            ps.exprKind = ExprKind.WHERE;
            where = a.coercion().toBoolean(a.exprs().transform(s.whereClause(), ps), "WHERE",
                    s.whereClause().location());
            ps.exprKind = ExprKind.NONE;
        }
        ClauseAnalyzer clauses = new ClauseAnalyzer(a);
        List<TypedExpr> groupBy = clauses.groupBy(s.groupClause(), targets, ps);
        TypedExpr having = null;
        if (s.havingClause() != null) {
            ps.exprKind = ExprKind.HAVING;
            having = a.coercion().toBoolean(a.exprs().transform(s.havingClause(), ps), "HAVING",
                    s.havingClause().location());
            ps.exprKind = ExprKind.NONE;
        }
        boolean distinct = s.distinctClause() != null;
        List<SortItem> order = clauses.orderBy(s.sortClause(), targets, ps,
                distinct && s.distinctClause().isEmpty());
        List<TypedExpr> distinctOn = distinct && !s.distinctClause().isEmpty()
                ? clauses.distinctOn(s.distinctClause(), targets, order, ps) : List.of();
        TypedExpr limit = clauses.limit(s.limitCount(), "LIMIT", ps);
        TypedExpr offset = clauses.limit(s.limitOffset(), "OFFSET", ps);
        if (s.limitOption() == SelectStmt.LimitOption.WITH_TIES) {
            throw AnalyzeErrors.unsupported("FETCH ... WITH TIES", s.location());
        }
        boolean hasAggs = ps.hasAggs || !groupBy.isEmpty() || having != null;
        if (hasAggs) {
            GroupingChecker gc = new GroupingChecker(groupBy, ps.rtable);
            for (TargetEntry t : targets) {
                gc.check(t.expr());
            }
            gc.check(having);
            for (SortItem si : order) {
                gc.check(si.expr());
            }
            if (!gc.dependentColumns().isEmpty()) {
                groupBy = new ArrayList<>(groupBy);
                groupBy.addAll(gc.dependentColumns());
            }
        }
        return new Query(List.copyOf(ps.rtable), from, where, targets, groupBy, having, hasAggs, order, distinct,
                distinctOn, limit, offset, null, ctes);
    }

    /** VALUES (...), (...): one range-table entry with per-column common types, columns column1..N. */
    private Query values(SelectStmt s, ParseState ps, List<CteDef> ctes) {
        List<List<TypedExpr>> rows = new ArrayList<>();
        int width = -1;
        ps.exprKind = ExprKind.VALUES;
        for (List<Expr> row : s.valuesLists()) {
            if (width >= 0 && row.size() != width) {
                throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "VALUES lists must all be the same length",
                        row.isEmpty() ? -1 : row.get(0).location());
            }
            width = row.size();
            rows.add(a.exprs().transformAll(row, ps));
        }
        ps.exprKind = ExprKind.NONE;
        List<String> names = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<Integer> typmods = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<TypedExpr> col = new ArrayList<>();
            for (List<TypedExpr> r : rows) {
                col.add(r.get(c));
            }
            int t = a.coercion().commonType(col, "VALUES", s.location());
            List<TypedExpr> coerced = a.coercion().coerceAll(col, t, "VALUES", s.location());
            for (int r = 0; r < rows.size(); r++) {
                rows.get(r).set(c, coerced.get(r));
            }
            names.add("column" + (c + 1));
            types.add(t);
            typmods.add(-1);
        }
        int rt = ps.addRte(new Rte.Values(rows, "*VALUES*", names, types, typmods));
        List<TypedExpr> vars = FromAnalyzer.vars(rt, names, types, typmods);
        ps.namespace.add(new NsItem(rt, "*VALUES*", null, true, true, names, vars, 0));
        List<TargetEntry> targets = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            targets.add(new TargetEntry(vars.get(c), names.get(c), false, 0, 0));
        }
        ClauseAnalyzer clauses = new ClauseAnalyzer(a);
        List<SortItem> order = clauses.orderBy(s.sortClause(), targets, ps, false);
        TypedExpr limit = clauses.limit(s.limitCount(), "LIMIT", ps);
        TypedExpr offset = clauses.limit(s.limitOffset(), "OFFSET", ps);
        return new Query(List.copyOf(ps.rtable), List.of(new JoinTree.Ref(rt)), null, targets, List.of(), null,
                false, order, false, List.of(), limit, offset, null, ctes);
    }

    /** WITH: each CTE analyzed in order (later ones see earlier ones); WITH RECURSIVE self-references. */
    List<CteDef> withClause(WithClause w, ParseState ps) {
        if (w == null) {
            return List.of();
        }
        List<CteDef> out = new ArrayList<>();
        for (CommonTableExpr cte : w.ctes()) {
            if (!(cte.ctequery() instanceof SelectStmt q)) {
                throw AnalyzeErrors.at(SqlState.FEATURE_NOT_SUPPORTED,
                        "data-modifying statements in WITH are not supported", cte.location());
            }
            for (CteDef d : ps.ctes) {
                if (d.name().equals(cte.ctename())) {
                    throw AnalyzeErrors.at(SqlState.DUPLICATE_ALIAS, "WITH query name \"" + cte.ctename()
                            + "\" specified more than once", cte.location());
                }
            }
            CteDef def = w.recursive() && q.isSetOperation() && q.op() == SelectStmt.SetOperation.UNION
                    && references(q.rarg(), cte.ctename())
                    ? recursive(cte, q, ps) : plain(cte, q, ps);
            ps.ctes.add(def);
            out.add(def);
        }
        return out;
    }

    private CteDef plain(CommonTableExpr cte, SelectStmt q, ParseState ps) {
        Query query = a.analyzeSubquery(q, ps);
        List<TargetEntry> cols = query.resultTargets();
        List<String> names = columnNames(cte, cols);
        return new CteDef(cte.ctename(), query, names, cols.stream().map(t -> t.expr().type()).toList(),
                cols.stream().map(t -> t.expr().typmod()).toList(), null, false);
    }

    private CteDef recursive(CommonTableExpr cte, SelectStmt q, ParseState ps) {
        Query nonRec = a.analyzeSubquery(q.larg(), ps);
        List<TargetEntry> cols = nonRec.resultTargets();
        List<String> names = columnNames(cte, cols);
        List<Integer> types = cols.stream().map(t -> t.expr().type()).toList();
        List<Integer> typmods = cols.stream().map(t -> -1).toList();
        CteDef self = new CteDef(cte.ctename(), nonRec, names, types, typmods, null, q.all());
        ps.recursiveSelf = self;
        Query rec;
        try {
            rec = a.analyzeSubquery(q.rarg(), ps);
        } finally {
            ps.recursiveSelf = null;
        }
        List<TargetEntry> rcols = rec.resultTargets();
        if (rcols.size() != cols.size()) {
            throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "each UNION query must have the same number of columns",
                    cte.location());
        }
        List<TargetEntry> coerced = new ArrayList<>(rec.targets());
        for (int i = 0; i < rcols.size(); i++) {
            TargetEntry t = rcols.get(i);
            if (t.expr().type() != types.get(i)) {
                TypedExpr c = a.coercion().coerce(t.expr(), types.get(i), -1,
                        dev.tusk.utils.adt.CoercionContext.IMPLICIT, TypedExpr.Form.IMPLICIT_CAST, cte.location());
                if (c == null) {
                    throw AnalyzeErrors.at(SqlState.DATATYPE_MISMATCH, "recursive query \"" + cte.ctename()
                            + "\" column " + (i + 1) + " has type " + dev.tusk.utils.adt.TypeNames.format(types.get(i))
                            + " in non-recursive term but type "
                            + dev.tusk.utils.adt.TypeNames.format(t.expr().type()) + " overall", cte.location());
                }
                coerced.set(rec.targets().indexOf(t), t.withExpr(c));
            }
        }
        rec = SetOpAnalyzer.withTargets(rec, coerced);
        return new CteDef(cte.ctename(), nonRec, names, types, typmods, rec, q.all());
    }

    private static List<String> columnNames(CommonTableExpr cte, List<TargetEntry> cols) {
        List<String> names = new ArrayList<>(cols.stream().map(TargetEntry::name).toList());
        if (cte.aliascolnames().size() > names.size()) {
            throw AnalyzeErrors.at(SqlState.INVALID_COLUMN_REFERENCE, "WITH query \"" + cte.ctename() + "\" has "
                    + names.size() + " columns available but " + cte.aliascolnames().size()
                    + " columns specified", cte.location());
        }
        for (int i = 0; i < cte.aliascolnames().size(); i++) {
            names.set(i, cte.aliascolnames().get(i));
        }
        return names;
    }

    /** Whether {@code s} mentions {@code name} as a FROM table (a cheap textual check of the raw tree). */
    private static boolean references(SelectStmt s, String name) {
        return s != null && s.toString().contains("relname=" + name + ",");
    }
}
