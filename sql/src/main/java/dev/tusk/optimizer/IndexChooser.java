package dev.tusk.optimizer;

import dev.tusk.catalog.IndexDesc;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.parser.analyze.ExprTrees;
import dev.tusk.parser.analyze.TypedExpr;
import java.util.List;
import java.util.Set;

/**
 * The rule-based index choice: a B-tree whose leading key column appears in a qual {@code col op expr} (op one
 * of = &lt; &lt;= &gt; &gt;=, either side, same type on both sides, expr free of this query's columns). Equality
 * beats a two-sided range beats a one-sided range. BETWEEN arrives as two such quals.
 */
final class IndexChooser {
    private static final Set<String> OPS = Set.of("=", "<", "<=", ">", ">=");

    /** One usable bound. */
    record Bound(TypedExpr value, String op) {
    }

    /** The chosen index and bounds (null lower/upper: open). */
    record Choice(IndexDesc index, int keyType, TypedExpr lower, boolean lowerInclusive, TypedExpr upper,
            boolean upperInclusive, String text) {
    }

    private IndexChooser() {
    }

    static Choice choose(RelationDesc rel, int rt, List<TypedExpr> quals) {
        Choice best = null;
        int bestScore = 0;
        for (IndexDesc idx : rel.indexes()) {
            if (idx.keyAttnums().isEmpty()) {
                continue;
            }
            int att = idx.keyAttnums().get(0);
            if (att <= 0) {
                continue;
            }
            int type = rel.column(att).typeOid();
            TypedExpr eq = null;
            TypedExpr lo = null;
            TypedExpr hi = null;
            boolean loInc = false;
            boolean hiInc = false;
            for (TypedExpr q : quals) {
                Bound b = match(q, rt, att, type);
                if (b == null) {
                    continue;
                }
                switch (b.op()) {
                    case "=" -> eq = b.value();
                    case ">" -> {
                        lo = b.value();
                        loInc = false;
                    }
                    case ">=" -> {
                        lo = b.value();
                        loInc = true;
                    }
                    case "<" -> {
                        hi = b.value();
                        hiInc = false;
                    }
                    default -> {
                        hi = b.value();
                        hiInc = true;
                    }
                }
            }
            String name = rel.column(att).name();
            Choice c = null;
            int score = 0;
            if (eq != null) {
                c = new Choice(idx, type, eq, true, eq, true, name + " = ?");
                score = idx.unique() ? 4 : 3;
            } else if (lo != null && hi != null) {
                c = new Choice(idx, type, lo, loInc, hi, hiInc, name + " in range");
                score = 2;
            } else if (lo != null || hi != null) {
                c = new Choice(idx, type, lo, loInc, hi, hiInc, name + (lo != null ? " > ?" : " < ?"));
                score = 1;
            }
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /** {@code qual} as a bound on column {@code att} of entry {@code rt}, normalized to "col op value". */
    private static Bound match(TypedExpr qual, int rt, int att, int type) {
        if (!(qual instanceof TypedExpr.Op op) || op.left() == null || !OPS.contains(op.operator().name())) {
            return null;
        }
        if (op.left().type() != type || op.right().type() != type) {
            return null;
        }
        if (isColumn(op.left(), rt, att) && isValue(op.right())) {
            return new Bound(op.right(), op.operator().name());
        }
        if (isColumn(op.right(), rt, att) && isValue(op.left())) {
            return new Bound(op.left(), commute(op.operator().name()));
        }
        return null;
    }

    private static boolean isColumn(TypedExpr e, int rt, int att) {
        return e instanceof TypedExpr.Var v && v.levelsUp() == 0 && v.rtIndex() == rt && v.attno() == att;
    }

    private static boolean isValue(TypedExpr e) {
        return !ExprTrees.hasLocalVars(e) && !ExprTrees.hasSubLinks(e)
                && !ExprTrees.any(e, x -> x instanceof TypedExpr.Func f
                        && f.function().volatility() == dev.tusk.utils.fmgr.Volatility.VOLATILE);
    }

    private static String commute(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }
}
