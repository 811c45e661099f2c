package dev.tusk.optimizer;

import dev.tusk.executor.ExecState;
import dev.tusk.executor.ExprCompiler;
import dev.tusk.parser.analyze.ExprTrees;
import dev.tusk.parser.analyze.TypedExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/** WHERE/ON clauses as lists of ANDed conditions (PostgreSQL's make_ands_implicit and friends). */
final class Conjuncts {
    private Conjuncts() {
    }

    static List<TypedExpr> split(TypedExpr e) {
        List<TypedExpr> out = new ArrayList<>();
        add(e, out);
        return out;
    }

    private static void add(TypedExpr e, List<TypedExpr> out) {
        if (e == null) {
            return;
        }
        if (e instanceof TypedExpr.Bool b && b.kind() == TypedExpr.BoolKind.AND) {
            for (TypedExpr a : b.args()) {
                add(a, out);
            }
        } else if (!(e instanceof TypedExpr.Const c && Boolean.TRUE.equals(c.value()))) {
            out.add(e);
        }
    }

    /** The level-0 range-table entries {@code e} uses; a sublink counts as using "everything" (null). */
    static Set<Integer> rels(TypedExpr e) {
        if (ExprTrees.hasSubLinks(e)) {
            return null;
        }
        Set<Integer> s = new HashSet<>();
        ExprTrees.localRtIndexes(e, s);
        return s;
    }

    /** The AND of {@code quals} as a row predicate, null when empty. */
    static BiPredicate<Object[], ExecState> predicate(List<TypedExpr> quals, ExprCompiler c) {
        if (quals.isEmpty()) {
            return null;
        }
        List<BiPredicate<Object[], ExecState>> ps = new ArrayList<>();
        for (TypedExpr q : quals) {
            ps.add(c.predicate(q));
        }
        if (ps.size() == 1) {
            return ps.get(0);
        }
        @SuppressWarnings("unchecked")
        BiPredicate<Object[], ExecState>[] arr = ps.toArray(BiPredicate[]::new);
        return (row, st) -> {
            for (BiPredicate<Object[], ExecState> p : arr) {
                if (!p.test(row, st)) {
                    return false;
                }
            }
            return true;
        };
    }

    static String text(List<TypedExpr> quals) {
        return quals.size() + " condition" + (quals.size() == 1 ? "" : "s");
    }
}
