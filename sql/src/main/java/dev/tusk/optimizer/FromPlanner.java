package dev.tusk.optimizer;

import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.Append;
import dev.tusk.executor.CteScan;
import dev.tusk.executor.Distinct;
import dev.tusk.executor.Evaluator;
import dev.tusk.executor.ExecState;
import dev.tusk.executor.ExprCompiler;
import dev.tusk.executor.Filter;
import dev.tusk.executor.FunctionScan;
import dev.tusk.executor.HashJoin;
import dev.tusk.executor.IndexScan;
import dev.tusk.executor.JoinKind;
import dev.tusk.executor.LateralLoop;
import dev.tusk.executor.NestLoop;
import dev.tusk.executor.NestParams;
import dev.tusk.executor.OuterRefs;
import dev.tusk.executor.Plan;
import dev.tusk.executor.RecursiveUnion;
import dev.tusk.executor.RowLayout;
import dev.tusk.executor.SeqScan;
import dev.tusk.executor.SetOp;
import dev.tusk.executor.ValuesScan;
import dev.tusk.executor.WorkTableScan;
import dev.tusk.parser.analyze.CteDef;
import dev.tusk.parser.analyze.JoinTree;
import dev.tusk.parser.analyze.Query;
import dev.tusk.parser.analyze.Rte;
import dev.tusk.parser.analyze.SetOpTree;
import dev.tusk.parser.analyze.TypedExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * FROM and WHERE (PostgreSQL's query_planner, rule-based): single-table conditions pushed into the scans of
 * tables not on the nullable side of an outer join (choosing an index scan when {@link IndexChooser} finds a
 * usable B-tree), comma-joined items combined left to right with hash joins on equality conditions (nested
 * loops otherwise), explicit joins planned as written, the remaining conditions as a filter on top.
 */
final class FromPlanner {
    private final QueryPlanBuilder builder;

    /** The range table of the query being planned, for EXPLAIN's condition texts. */
    private List<Rte> rtable = List.of();

    FromPlanner(QueryPlanBuilder builder) {
        this.builder = builder;
    }

    Built planFrom(Query q) {
        rtable = q.rtable();
        List<TypedExpr> conjuncts = new ArrayList<>(Conjuncts.split(q.where()));
        if (q.from().isEmpty()) {
            Plan p = ValuesScan.oneEmptyRow();
            RowLayout l = new RowLayout();
            return withFilter(new Built(p, l), conjuncts);
        }
        Set<Integer> pushable = new HashSet<>();
        for (JoinTree t : q.from()) {
            innerRels(t, pushable);
        }
        Map<Integer, List<TypedExpr>> relQuals = new HashMap<>();
        for (var it = conjuncts.iterator(); it.hasNext();) {
            TypedExpr c = it.next();
            Set<Integer> rels = Conjuncts.rels(c);
            if (rels != null && rels.size() == 1 && pushable.containsAll(rels)) {
                relQuals.computeIfAbsent(rels.iterator().next(), k -> new ArrayList<>()).add(c);
                it.remove();
            }
        }
        Built acc = null;
        Set<Integer> accRels = new HashSet<>();
        for (JoinTree t : q.from()) {
            Set<Integer> rels = new HashSet<>();
            allRels(q, t, rels);
            if (acc != null && lateralRef(q, t) != null) {
                // ", LATERAL x": a nested loop rescanning x per row of everything to its left
                int rt = lateralRef(q, t);
                List<TypedExpr> joinQuals = new ArrayList<>(relQuals.getOrDefault(rt, List.of()));
                Set<Integer> both = new HashSet<>(accRels);
                both.addAll(rels);
                for (var it = conjuncts.iterator(); it.hasNext();) {
                    TypedExpr c = it.next();
                    Set<Integer> r = Conjuncts.rels(c);
                    if (r != null && both.containsAll(r) && !accRels.containsAll(r)) {
                        joinQuals.add(c);
                        it.remove();
                    }
                }
                acc = lateralJoin(q, acc, rt, JoinKind.INNER, joinQuals);
                accRels.addAll(rels);
                continue;
            }
            Built b;
            if (acc != null && containsLateral(q, t)) {
                // a join with a LATERAL item inside that may read items of the comma list to its left
                NestParams np = new NestParams();
                b = withNest(np).planTree(q, t, relQuals);
                if (!np.vars().isEmpty()) {
                    List<TypedExpr> joinQuals = new ArrayList<>();
                    Set<Integer> both = new HashSet<>(accRels);
                    both.addAll(rels);
                    for (var it = conjuncts.iterator(); it.hasNext();) {
                        TypedExpr c = it.next();
                        Set<Integer> r = Conjuncts.rels(c);
                        if (r != null && both.containsAll(r) && !accRels.containsAll(r) && !rels.containsAll(r)) {
                            joinQuals.add(c);
                            it.remove();
                        }
                    }
                    acc = nestJoin(acc, b, np, JoinKind.INNER, joinQuals);
                    accRels.addAll(rels);
                    continue;
                }
            } else {
                b = planTree(q, t, relQuals);
            }
            if (acc == null) {
                acc = b;
            } else {
                List<TypedExpr> joinQuals = new ArrayList<>();
                Set<Integer> both = new HashSet<>(accRels);
                both.addAll(rels);
                for (var it = conjuncts.iterator(); it.hasNext();) {
                    TypedExpr c = it.next();
                    Set<Integer> r = Conjuncts.rels(c);
                    if (r != null && both.containsAll(r) && !accRels.containsAll(r) && !rels.containsAll(r)) {
                        joinQuals.add(c);
                        it.remove();
                    }
                }
                acc = join(acc, b, JoinKind.INNER, joinQuals);
            }
            accRels.addAll(rels);
        }
        for (var it = conjuncts.iterator(); it.hasNext();) {
            Built semi = SemiJoins.tryPullUp(it.next(), acc, builder);
            if (semi != null) {
                acc = semi;
                it.remove();
            }
        }
        return withFilter(acc, conjuncts);
    }

    private Built withFilter(Built b, List<TypedExpr> quals) {
        if (quals.isEmpty()) {
            return b;
        }
        // Cheap conditions first, sublinks last.
        List<TypedExpr> ordered = new ArrayList<>();
        quals.stream().filter(x -> Conjuncts.rels(x) != null).forEach(ordered::add);
        quals.stream().filter(x -> Conjuncts.rels(x) == null).forEach(ordered::add);
        BiPredicate<Object[], ExecState> p = Conjuncts.predicate(ordered, builder.compiler(b.layout()));
        return new Built(new Filter(b.plan(), p, qualText(ordered)), b.layout());
    }

    /** Base entries reachable from the top through inner joins only (their single-table quals may be pushed). */
    private static void innerRels(JoinTree t, Set<Integer> out) {
        switch (t) {
            case JoinTree.Ref r -> out.add(r.rtIndex());
            case JoinTree.Join j -> {
                if (j.kind() == JoinTree.Kind.INNER) {
                    innerRels(j.left(), out);
                    innerRels(j.right(), out);
                } else if (j.kind() == JoinTree.Kind.LEFT) {
                    innerRels(j.left(), out);
                } else if (j.kind() == JoinTree.Kind.RIGHT) {
                    innerRels(j.right(), out);
                }
            }
        }
    }

    private static void allRels(Query q, JoinTree t, Set<Integer> out) {
        switch (t) {
            case JoinTree.Ref r -> out.add(r.rtIndex());
            case JoinTree.Join j -> {
                allRels(q, j.left(), out);
                allRels(q, j.right(), out);
                out.add(j.rtIndex());
            }
        }
    }

    private Built planTree(Query q, JoinTree t, Map<Integer, List<TypedExpr>> relQuals) {
        return switch (t) {
            case JoinTree.Ref r -> planRte(q, r.rtIndex(), relQuals.getOrDefault(r.rtIndex(), List.of()));
            case JoinTree.Join j -> {
                Built l = planTree(q, j.left(), relQuals);
                JoinKind kind = switch (j.kind()) {
                    case LEFT -> JoinKind.LEFT;
                    case RIGHT -> JoinKind.RIGHT;
                    case FULL -> JoinKind.FULL;
                    case SEMI -> JoinKind.SEMI;
                    case ANTI -> JoinKind.ANTI;
                    default -> JoinKind.INNER;
                };
                Integer lateral = lateralRef(q, j.right());
                if (lateral != null && (kind == JoinKind.INNER || kind == JoinKind.LEFT)) {
                    List<TypedExpr> quals = new ArrayList<>(Conjuncts.split(j.quals()));
                    quals.addAll(relQuals.getOrDefault(lateral, List.of()));
                    yield lateralJoin(q, l, lateral, kind, quals);
                }
                if (containsLateral(q, j.right()) && (kind == JoinKind.INNER || kind == JoinKind.LEFT)) {
                    NestParams np = new NestParams();
                    Built r = withNest(np).planTree(q, j.right(), relQuals);
                    if (!np.vars().isEmpty()) {
                        yield nestJoin(l, r, np, kind, Conjuncts.split(j.quals()));
                    }
                    yield join(l, r, kind, Conjuncts.split(j.quals()));
                }
                Built r = planTree(q, j.right(), relQuals);
                yield join(l, r, kind, Conjuncts.split(j.quals()));
            }
        };
    }

    /**
     * A join of two planned inputs: hash join on same-type equalities whose sides each read only one input,
     * else nested loop.
     */
    private Built join(Built l, Built r, JoinKind kind, List<TypedExpr> quals) {
        RowLayout layout = RowLayout.concat(l.layout(), r.layout());
        ExprCompiler lc = builder.compiler(l.layout());
        ExprCompiler rc = builder.compiler(r.layout());
        List<Evaluator> lk = new ArrayList<>();
        List<Evaluator> rk = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<TypedExpr> residual = new ArrayList<>();
        List<String> conds = new ArrayList<>();
        for (TypedExpr q : quals) {
            if (q instanceof TypedExpr.Op op && op.left() != null && op.operator().name().equals("=")
                    && op.left().type() == op.right().type() && op.operator().canHash()
                    && Conjuncts.rels(q) != null) {
                TypedExpr[] sides = split(op, l.layout(), r.layout());
                if (sides != null) {
                    lk.add(lc.compile(sides[0]));
                    rk.add(rc.compile(sides[1]));
                    types.add(op.left().type());
                    conds.add(condText(op, sides));
                    continue;
                }
            }
            residual.add(q);
        }
        BiPredicate<Object[], ExecState> res = Conjuncts.predicate(residual, builder.compiler(layout));
        Plan p;
        if (!lk.isEmpty()) {
            String cond = conds.size() == 1 ? conds.get(0) : "(" + String.join(" AND ", conds) + ")";
            p = new HashJoin(l.plan(), r.plan(), kind, lk.toArray(Evaluator[]::new), rk.toArray(Evaluator[]::new),
                    types.stream().mapToInt(Integer::intValue).toArray(), res, cond,
                    residual.isEmpty() ? null : qualText(residual));
        } else {
            p = new NestLoop(l.plan(), r.plan(), kind, res, residual.isEmpty() ? null : qualText(residual));
        }
        return new Built(p, kind == JoinKind.SEMI || kind == JoinKind.ANTI ? l.layout() : layout);
    }

    /**
     * The range-table index of {@code t} when it is a LATERAL subquery or a function in FROM reading columns
     * of items to its left (PostgreSQL's lateral_relids), else null.
     */
    private static Integer lateralRef(Query q, JoinTree t) {
        if (!(t instanceof JoinTree.Ref r)) {
            return null;
        }
        return switch (q.rtable().get(r.rtIndex())) {
            case Rte.Subquery s when s.lateral() -> r.rtIndex();
            case Rte.Function f when dev.tusk.parser.analyze.ExprTrees.hasLocalVars(f.call()) -> r.rtIndex();
            default -> null;
        };
    }

    /** True when a LATERAL entry sits inside the join tree {@code t} (not as {@code t} itself). */
    private static boolean containsLateral(Query q, JoinTree t) {
        return t instanceof JoinTree.Join j && (lateralRef(q, j.left()) != null || lateralRef(q, j.right()) != null
                || containsLateral(q, j.left()) || containsLateral(q, j.right()));
    }

    /** A planner for a part of this level whose columns of other items become LATERAL parameters in {@code np}. */
    private FromPlanner withNest(NestParams np) {
        FromPlanner sub = new FromPlanner(builder.withNest(np));
        sub.rtable = rtable;
        return sub;
    }

    /** {@code left} joined to {@code right}, a part of this level planned with LATERAL parameters {@code np}. */
    private Built nestJoin(Built left, Built right, NestParams np, JoinKind kind, List<TypedExpr> quals) {
        Evaluator[] params = builder.compiler(left.layout()).compileAll(new ArrayList<>(np.vars()))
                .toArray(Evaluator[]::new);
        RowLayout layout = RowLayout.concat(left.layout(), right.layout());
        BiPredicate<Object[], ExecState> res = quals.isEmpty() ? null
                : Conjuncts.predicate(quals, builder.compiler(layout));
        return new Built(new LateralLoop(left.plan(), right.plan(), params, kind, res,
                quals.isEmpty() ? null : qualText(quals), true), layout);
    }

    /**
     * {@code left} joined to the LATERAL entry {@code rt}: the entry is planned as a parameterized subplan whose
     * outer references (the left items' columns it reads, and this level's own outer references) are computed
     * from each left row. Quals are tested over the joined row in this level's state.
     */
    private Built lateralJoin(Query q, Built left, int rt, JoinKind kind, List<TypedExpr> quals) {
        Rte rte = q.rtable().get(rt);
        RowLayout rl = new RowLayout();
        for (int i = 0; i < rte.width(); i++) {
            rl.putVar(rt, i + 1, i);
        }
        OuterRefs refs = OuterRefs.forSubLink();
        Plan inner = switch (rte) {
            case Rte.Subquery s -> new QueryPlanBuilder(refs).build(s.query());
            case Rte.Function f -> function(f, new ExprCompiler(new RowLayout(), refs, builder.subqueries),
                    dev.tusk.parser.analyze.ExprTrees.incrementLevels(f.call(), 1));
            default -> throw new IllegalStateException("not a lateral entry: " + rte);
        };
        ExprCompiler lc = builder.compiler(left.layout());
        Evaluator[] params = lc.compileAll(refs.parentVars()).toArray(Evaluator[]::new);
        RowLayout layout = RowLayout.concat(left.layout(), rl);
        BiPredicate<Object[], ExecState> res = quals.isEmpty() ? null
                : Conjuncts.predicate(quals, builder.compiler(layout));
        return new Built(new LateralLoop(left.plan(), inner, params, kind, res,
                quals.isEmpty() ? null : qualText(quals), false), layout);
    }

    /** EXPLAIN's Hash Cond text of one hash clause: the outer side first, as PostgreSQL commutes it. */
    private String condText(TypedExpr.Op op, TypedExpr[] sides) {
        try {
            String l = dev.tusk.parser.analyze.Deparser.explainExpr(sides[0], rtable, true);
            String r = dev.tusk.parser.analyze.Deparser.explainExpr(sides[1], rtable, true);
            return "(" + l + " " + op.operator().name() + " " + r + ")";
        } catch (RuntimeException e) {
            return Conjuncts.text(List.of(op));
        }
    }

    /** The operands of {@code op} as (left-input expression, right-input expression), or null. */
    private static TypedExpr[] split(TypedExpr.Op op, RowLayout l, RowLayout r) {
        if (covers(l, op.left()) && covers(r, op.right())) {
            return new TypedExpr[] {op.left(), op.right()};
        }
        if (covers(l, op.right()) && covers(r, op.left())) {
            return new TypedExpr[] {op.right(), op.left()};
        }
        return null;
    }

    /** True when every level-0 column {@code e} reads is in {@code layout} (and it reads at least one). */
    private static boolean covers(RowLayout layout, TypedExpr e) {
        boolean[] ok = {true};
        boolean[] any = {false};
        dev.tusk.parser.analyze.ExprTrees.any(e, x -> {
            if (x instanceof TypedExpr.Var v && v.levelsUp() == 0) {
                any[0] = true;
                ok[0] &= layout.slotOf(v) >= 0;
            }
            return false;
        });
        return ok[0] && any[0];
    }

    private Built planRte(Query q, int rt, List<TypedExpr> quals) {
        Rte rte = q.rtable().get(rt);
        RowLayout layout = new RowLayout();
        for (int i = 0; i < rte.width(); i++) {
            layout.putVar(rt, i + 1, i);
        }
        Plan p = switch (rte) {
            case Rte.Relation r -> {
                layout.putVar(rt, TypedExpr.Var.CTID_ATTNO, rte.width());
                yield scan(r.relation(), r.alias(), rt, quals, layout);
            }
            case Rte.Subquery s -> builder.nested().build(s.query());
            case Rte.Values v -> {
                ExprCompiler c = builder.compiler(new RowLayout());
                List<Evaluator[]> rows = new ArrayList<>();
                for (List<TypedExpr> row : v.rows()) {
                    rows.add(c.compileAll(row).toArray(Evaluator[]::new));
                }
                yield new ValuesScan(rows, v.width());
            }
            case Rte.Function f -> function(f);
            case Rte.CteRef c -> c.selfReference() ? new WorkTableScan(c.cte().query(), c.width())
                    : new CteScan(c.cte(), planCte(c.cte()), c.cte().name());
            case Rte.SetOpResult s -> setOp(s.tree());
            case Rte.JoinRte j -> throw new IllegalStateException("join entry planned as a relation");
        };
        if (!(rte instanceof Rte.Relation) && !quals.isEmpty()) {
            p = new Filter(p, Conjuncts.predicate(quals, builder.compiler(layout)), qualText(quals));
        }
        return new Built(p, layout);
    }

    private Plan scan(RelationDesc rel, String alias, int rt, List<TypedExpr> quals, RowLayout layout) {
        BiPredicate<Object[], ExecState> qual = Conjuncts.predicate(quals, builder.compiler(layout));
        IndexChooser.Choice ch = quals.isEmpty() ? null : IndexChooser.choose(rel, rt, quals);
        if (ch != null) {
            ExprCompiler none = builder.compiler(new RowLayout());
            return new IndexScan(rel, ch.index(), ch.lower() == null ? null : none.compile(ch.lower()),
                    ch.lowerInclusive(), ch.upper() == null ? null : none.compile(ch.upper()), ch.upperInclusive(),
                    ch.keyType(), qual, ch.text(), alias);
        }
        return new SeqScan(rel, qual, quals.isEmpty() ? null : qualText(quals), alias);
    }

    private Plan function(Rte.Function f) {
        return function(f, builder.compiler(new RowLayout()), f.call());
    }

    private static Plan function(Rte.Function f, ExprCompiler c, TypedExpr call) {
        if (call instanceof TypedExpr.Func fn && fn.function().returnsSet()) {
            return new FunctionScan(fn.function(), c.compileAll(fn.args()).toArray(Evaluator[]::new), fn.argTypes(),
                    null, f.composite(), f.ordinality(), f.width(), f.alias());
        }
        return new FunctionScan(null, new Evaluator[0], new int[0], c.compile(call), f.composite(),
                f.ordinality(), f.width());
    }

    private Plan planCte(CteDef cte) {
        QueryPlanBuilder b = new QueryPlanBuilder(null);
        Plan first = b.build(cte.query());
        if (!cte.recursive()) {
            return first;
        }
        Plan rec = b.build(cte.recursiveTerm());
        int[] types = cte.columnTypes().stream().mapToInt(Integer::intValue).toArray();
        return new RecursiveUnion(first, rec, cte.query(), cte.unionAll(), types);
    }

    private Plan setOp(SetOpTree t) {
        return switch (t) {
            case SetOpTree.Leaf l -> builder.nested().build(l.query());
            case SetOpTree.Node n -> {
                int[] types = n.columnTypes().stream().mapToInt(Integer::intValue).toArray();
                if (n.op() == SetOpTree.Op.UNION) {
                    List<Plan> parts = new ArrayList<>();
                    flattenUnion(n, n.all(), parts);
                    Plan app = new Append(parts);
                    if (n.all()) {
                        yield app;
                    }
                    int[] slots = new int[types.length];
                    for (int i = 0; i < slots.length; i++) {
                        slots[i] = i;
                    }
                    yield new Distinct(app, slots, types);
                }
                yield new SetOp(setOp(n.left()), setOp(n.right()), n.op() == SetOpTree.Op.INTERSECT, n.all(),
                        types);
            }
        };
    }

    /** Nested UNIONs of the same kind become one Append (a UNION over a UNION ALL input dedupes everything). */
    private void flattenUnion(SetOpTree t, boolean all, List<Plan> out) {
        if (t instanceof SetOpTree.Node n && n.op() == SetOpTree.Op.UNION && (n.all() == all || !all)) {
            flattenUnion(n.left(), all, out);
            flattenUnion(n.right(), all, out);
        } else {
            out.add(setOp(t));
        }
    }

    /** EXPLAIN's Filter text; never fails planning. */
    private String qualText(List<TypedExpr> quals) {
        try {
            return dev.tusk.parser.analyze.Deparser.explainQuals(quals, rtable, rtable.size() > 1);
        } catch (RuntimeException e) {
            return Conjuncts.text(quals);
        }
    }
}
