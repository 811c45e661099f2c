package dev.tusk.parser.analyze;

import dev.tusk.nodes.SelectStmt;
import dev.tusk.utils.adt.CoercionContext;
import dev.tusk.utils.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * UNION/INTERSECT/EXCEPT (PostgreSQL's transformSetOperationStmt): leaves analyzed as subqueries, column counts
 * checked, column types unified per select_common_type (42804 {@code UNION types integer and text cannot be
 * matched}) and pushed down into every leaf; names from the leftmost leaf; ORDER BY/LIMIT over the result.
 */
final class SetOpAnalyzer {
    private final Analyzer a;

    SetOpAnalyzer(Analyzer a) {
        this.a = a;
    }

    Query transform(SelectStmt s, ParseState ps, List<CteDef> ctes) {
        SetOpTree tree = build(s, ps, true);
        List<Integer> types = tree.columnTypes();
        tree = pushTypes(tree, types, s);
        Query leftmost = leftmost(tree);
        List<String> names = leftmost.resultTargets().stream().map(TargetEntry::name).toList();
        List<Integer> typmods = types.stream().map(t -> -1).toList();
        int rt = ps.addRte(new Rte.SetOpResult(tree, names, types, typmods));
        List<TypedExpr> vars = FromAnalyzer.vars(rt, names, types, typmods);
        ps.namespace.add(new NsItem(rt, null, null, false, true, names, vars, 0));
        List<TargetEntry> targets = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            TargetEntry src = leftmost.resultTargets().get(i);
            targets.add(new TargetEntry(vars.get(i), names.get(i), false, src.tableOid(), src.columnNumber()));
        }
        ClauseAnalyzer clauses = new ClauseAnalyzer(a);
        List<SortItem> order = clauses.orderBy(s.sortClause(), targets, ps, false);
        TypedExpr limit = clauses.limit(s.limitCount(), "LIMIT", ps);
        TypedExpr offset = clauses.limit(s.limitOffset(), "OFFSET", ps);
        return new Query(List.copyOf(ps.rtable), List.of(new JoinTree.Ref(rt)), null, targets, List.of(), null,
                false, order, false, List.of(), limit, offset, tree, ctes);
    }

    private SetOpTree build(SelectStmt s, ParseState ps, boolean top) {
        if (!s.isSetOperation() || (!top && (!s.sortClause().isEmpty() || s.limitCount() != null
                || s.limitOffset() != null || s.withClause() != null))) {
            Query q = a.analyzeSetOpLeaf(s, ps);
            return new SetOpTree.Leaf(q, q.resultTargets().stream().map(t -> t.expr().type()).toList());
        }
        SetOpTree l = build(s.larg(), ps, false);
        SetOpTree r = build(s.rarg(), ps, false);
        String ctx = s.op().name();
        if (l.columnTypes().size() != r.columnTypes().size()) {
            throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "each " + ctx + " query must have the same number of "
                    + "columns", s.rarg().targetList().isEmpty() ? s.rarg().location()
                    : s.rarg().targetList().get(0).location());
        }
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i < l.columnTypes().size(); i++) {
            List<TypedExpr> pair = List.of(TypedExpr.Const.of(l.columnTypes().get(i), null),
                    TypedExpr.Const.of(r.columnTypes().get(i), null));
            types.add(a.coercion().commonType(pair, ctx, s.location()));
        }
        SetOpTree.Op op = switch (s.op()) {
            case UNION -> SetOpTree.Op.UNION;
            case INTERSECT -> SetOpTree.Op.INTERSECT;
            default -> SetOpTree.Op.EXCEPT;
        };
        return new SetOpTree.Node(op, s.all(), l, r, types, types.stream().map(t -> -1).toList());
    }

    /** Coerces every leaf's outputs to the final column types. */
    private SetOpTree pushTypes(SetOpTree t, List<Integer> types, SelectStmt s) {
        return switch (t) {
            case SetOpTree.Leaf leaf -> {
                List<TargetEntry> targets = new ArrayList<>(leaf.query().targets());
                for (int i = 0, k = 0; i < targets.size(); i++) {
                    TargetEntry te = targets.get(i);
                    if (te.junk()) {
                        continue;
                    }
                    int want = types.get(k++);
                    if (te.expr().type() != want) {
                        TypedExpr c = a.coercion().coerce(te.expr(), want, -1, CoercionContext.IMPLICIT,
                                TypedExpr.Form.IMPLICIT_CAST, s.location());
                        if (c == null) {
                            throw AnalyzeErrors.at(SqlState.DATATYPE_MISMATCH, s.op().name() + " types "
                                    + dev.tusk.utils.adt.TypeNames.format(te.expr().type()) + " and "
                                    + dev.tusk.utils.adt.TypeNames.format(want) + " cannot be matched", s.location());
                        }
                        targets.set(i, te.withExpr(c));
                    }
                }
                yield new SetOpTree.Leaf(withTargets(leaf.query(), targets), types);
            }
            case SetOpTree.Node n -> new SetOpTree.Node(n.op(), n.all(), pushTypes(n.left(), types, s),
                    pushTypes(n.right(), types, s), types, n.columnTypmods());
        };
    }

    private static Query leftmost(SetOpTree t) {
        return switch (t) {
            case SetOpTree.Leaf l -> l.query();
            case SetOpTree.Node n -> leftmost(n.left());
        };
    }

    static Query withTargets(Query q, List<TargetEntry> targets) {
        return new Query(q.rtable(), q.from(), q.where(), targets, q.groupBy(), q.having(), q.hasAggs(), q.orderBy(),
                q.distinct(), q.distinctOn(), q.limit(), q.offset(), q.setOp(), q.ctes());
    }
}
