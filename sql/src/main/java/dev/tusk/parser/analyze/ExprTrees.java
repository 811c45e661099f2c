package dev.tusk.parser.analyze;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Generic walking and rewriting of analyzed expressions (PostgreSQL's expression_tree_walker/mutator). Sublinks
 * are not entered (their subquery is a separate level) except by {@link #anyInSubqueries}.
 */
public final class ExprTrees {
    private ExprTrees() {
    }

    /** The direct sub-expressions of {@code e}. */
    public static List<TypedExpr> children(TypedExpr e) {
        return switch (e) {
            case TypedExpr.Const c -> List.of();
            case TypedExpr.Var v -> List.of();
            case TypedExpr.Param p -> List.of();
            case TypedExpr.CaseTest t -> List.of();
            case TypedExpr.SqlValue s -> List.of();
            case TypedExpr.WindowFunc w -> WindowSpec.children(w);
            case TypedExpr.Func f -> f.args();
            case TypedExpr.Op o -> o.left() == null ? List.of(o.right()) : List.of(o.left(), o.right());
            case TypedExpr.Bool b -> b.args();
            case TypedExpr.NullTest n -> List.of(n.arg());
            case TypedExpr.BoolTest b -> List.of(b.arg());
            case TypedExpr.Case c -> {
                List<TypedExpr> l = new ArrayList<>();
                if (c.arg() != null) {
                    l.add(c.arg());
                }
                for (TypedExpr.When w : c.whens()) {
                    l.add(w.condition());
                    l.add(w.result());
                }
                if (c.elseExpr() != null) {
                    l.add(c.elseExpr());
                }
                yield l;
            }
            case TypedExpr.Coalesce c -> c.args();
            case TypedExpr.MinMax m -> m.args();
            case TypedExpr.NullIf n -> List.of(n.left(), n.right());
            case TypedExpr.Distinct d -> List.of(d.left(), d.right());
            case TypedExpr.ScalarArrayOp s -> List.of(s.left(), s.array());
            case TypedExpr.ArrayBuild a -> a.elements();
            case TypedExpr.Row r -> r.args();
            case TypedExpr.Cast c -> List.of(c.arg());
            case TypedExpr.SubLink s -> s.testExprs();
            case TypedExpr.Aggref a -> {
                List<TypedExpr> l = new ArrayList<>(a.args());
                if (a.filter() != null) {
                    l.add(a.filter());
                }
                for (SortItem s : a.order()) {
                    l.add(s.expr());
                }
                yield l;
            }
            case TypedExpr.Subscript s -> List.of(s.array(), s.index());
            case TypedExpr.FieldSelect f -> List.of(f.arg());
            case TypedExpr.UpperAggref u -> List.of();
        };
    }

    /** True if {@code test} holds for {@code e} or any sub-expression (not entering sublinks). */
    public static boolean any(TypedExpr e, Predicate<TypedExpr> test) {
        if (e == null) {
            return false;
        }
        if (test.test(e)) {
            return true;
        }
        for (TypedExpr c : children(e)) {
            if (any(c, test)) {
                return true;
            }
        }
        return false;
    }

    /** Collects the sub-expressions for which {@code test} holds, not descending into them. */
    public static void collect(TypedExpr e, Predicate<TypedExpr> test, List<TypedExpr> out) {
        if (e == null) {
            return;
        }
        if (test.test(e)) {
            out.add(e);
            return;
        }
        for (TypedExpr c : children(e)) {
            collect(c, test, out);
        }
    }

    /**
     * Bottom-up rewrite: {@code fn} is applied to each node after its children were rewritten; returning the
     * node unchanged keeps it. Sublinks' test expressions are rewritten, their subqueries are not.
     */
    public static TypedExpr map(TypedExpr e, Function<TypedExpr, TypedExpr> fn) {
        if (e == null) {
            return null;
        }
        TypedExpr rebuilt = switch (e) {
            case TypedExpr.Const c -> c;
            case TypedExpr.Var v -> v;
            case TypedExpr.Param p -> p;
            case TypedExpr.CaseTest t -> t;
            case TypedExpr.SqlValue s -> s;
            case TypedExpr.WindowFunc w -> WindowSpec.map(w, x -> map(x, fn));
            case TypedExpr.Func f -> new TypedExpr.Func(f.function(), mapAll(f.args(), fn), f.argTypes(), f.type(),
                    f.typmod(), f.form(), f.location());
            case TypedExpr.Op o -> new TypedExpr.Op(o.operator(), map(o.left(), fn), map(o.right(), fn), o.type(),
                    o.location());
            case TypedExpr.Bool b -> new TypedExpr.Bool(b.kind(), mapAll(b.args(), fn));
            case TypedExpr.NullTest n -> new TypedExpr.NullTest(map(n.arg(), fn), n.isNull());
            case TypedExpr.BoolTest b -> new TypedExpr.BoolTest(map(b.arg(), fn), b.test());
            case TypedExpr.Case c -> new TypedExpr.Case(map(c.arg(), fn), c.whens().stream()
                    .map(w -> new TypedExpr.When(map(w.condition(), fn), map(w.result(), fn))).toList(),
                    map(c.elseExpr(), fn), c.type(), c.typmod());
            case TypedExpr.Coalesce c -> new TypedExpr.Coalesce(mapAll(c.args(), fn), c.type(), c.typmod());
            case TypedExpr.MinMax m -> new TypedExpr.MinMax(m.greatest(), mapAll(m.args(), fn), m.type(), m.typmod());
            case TypedExpr.NullIf n -> new TypedExpr.NullIf(n.eq(), map(n.left(), fn), map(n.right(), fn), n.type());
            case TypedExpr.Distinct d -> new TypedExpr.Distinct(d.eq(), map(d.left(), fn), map(d.right(), fn),
                    d.not());
            case TypedExpr.ScalarArrayOp s -> new TypedExpr.ScalarArrayOp(s.operator(), s.useOr(), map(s.left(), fn),
                    map(s.array(), fn));
            case TypedExpr.ArrayBuild a -> new TypedExpr.ArrayBuild(a.elementType(), a.type(),
                    mapAll(a.elements(), fn));
            case TypedExpr.Row r -> new TypedExpr.Row(mapAll(r.args(), fn));
            case TypedExpr.Cast c -> new TypedExpr.Cast(map(c.arg(), fn), c.type(), c.typmod(), c.path(),
                    c.explicit(), c.form(), c.location());
            case TypedExpr.SubLink s -> new TypedExpr.SubLink(s.kind(), s.subquery(), mapAll(s.testExprs(), fn),
                    s.operators(), s.type(), s.location());
            case TypedExpr.Aggref a -> new TypedExpr.Aggref(a.aggregate(), mapAll(a.args(), fn), a.star(),
                    a.distinct(), map(a.filter(), fn), a.order().stream()
                    .map(s -> new SortItem(map(s.expr(), fn), s.descending(), s.nullsFirst())).toList(), a.type(),
                    a.location());
            case TypedExpr.Subscript s -> new TypedExpr.Subscript(map(s.array(), fn), map(s.index(), fn), s.type());
            case TypedExpr.UpperAggref u -> u;
            case TypedExpr.FieldSelect f -> new TypedExpr.FieldSelect(map(f.arg(), fn), f.field(), f.name(), f.type());
        };
        return fn.apply(rebuilt.equals(e) ? e : rebuilt);
    }

    private static List<TypedExpr> mapAll(List<TypedExpr> es, Function<TypedExpr, TypedExpr> fn) {
        List<TypedExpr> out = new ArrayList<>(es.size());
        for (TypedExpr e : es) {
            out.add(map(e, fn));
        }
        return out;
    }

    /** Adds {@code delta} to the levelsUp of every Var (an expression moved into a deeper query level). */
    public static TypedExpr incrementLevels(TypedExpr e, int delta) {
        if (delta == 0) {
            return e;
        }
        return map(e, x -> x instanceof TypedExpr.Var v ? v.withLevelsUp(v.levelsUp() + delta) : x);
    }

    /** True when {@code e} references a column of its own query level (outside sublinks). */
    public static boolean hasLocalVars(TypedExpr e) {
        return any(e, x -> x instanceof TypedExpr.Var v && v.levelsUp() == 0);
    }

    /** The level-0 range-table indexes {@code e} references (outside sublinks), into {@code out}. */
    public static void localRtIndexes(TypedExpr e, java.util.Set<Integer> out) {
        any(e, x -> {
            if (x instanceof TypedExpr.Var v && v.levelsUp() == 0) {
                out.add(v.rtIndex());
            }
            return false;
        });
    }

    /** True when {@code e} contains a sublink (at this level). */
    public static boolean hasSubLinks(TypedExpr e) {
        return any(e, x -> x instanceof TypedExpr.SubLink);
    }
}
