package dev.tusk.nodes;

import java.util.List;

/**
 * An operator expression (PostgreSQL's {@code A_Expr}). {@code name} is the operator name, qualified when written
 * {@code OPERATOR(pg_catalog.~)} (e.g. ["pg_catalog", "~"]). {@code lexpr} is null for a prefix operator.
 * <ul>
 * <li>{@link Kind#OP}: {@code lexpr name rexpr}.</li>
 * <li>{@link Kind#OP_ANY}/{@link Kind#OP_ALL}: {@code lexpr op ANY/ALL (array expr)}; the subquery forms are
 * {@link SubLink}s instead.</li>
 * <li>{@link Kind#DISTINCT}/{@link Kind#NOT_DISTINCT}: IS [NOT] DISTINCT FROM, name "=".</li>
 * <li>{@link Kind#NULLIF}: NULLIF(l, r), name "=".</li>
 * <li>{@link Kind#IN}: {@code lexpr IN (list)}, name "=" for IN and "&lt;&gt;" for NOT IN; rexpr is an
 * {@link ExprList}. {@code IN (subquery)} is a {@link SubLink} (ANY), wrapped in NOT for NOT IN.</li>
 * <li>{@link Kind#LIKE}, {@link Kind#ILIKE}, {@link Kind#SIMILAR}: names "~~", "!~~", "~~*", "!~~*", "~", "!~"
 * as in PostgreSQL. {@code x LIKE p ESCAPE e} has rexpr = FuncCall like_escape(p, e); SIMILAR TO always wraps
 * its pattern in FuncCall pg_catalog.similar_to_escape(p [, e]).</li>
 * <li>BETWEEN kinds: rexpr is an {@link ExprList} of the two bounds; name is "BETWEEN", "NOT BETWEEN",
 * "BETWEEN SYMMETRIC" or "NOT BETWEEN SYMMETRIC".</li>
 * </ul>
 */
public record AExpr(Kind kind, List<String> name, Expr lexpr, Expr rexpr, int location) implements Expr {
    public AExpr {
        name = List.copyOf(name);
    }

    public enum Kind {
        OP, OP_ANY, OP_ALL, DISTINCT, NOT_DISTINCT, NULLIF, IN, LIKE, ILIKE, SIMILAR,
        BETWEEN, NOT_BETWEEN, BETWEEN_SYM, NOT_BETWEEN_SYM
    }

    /** A plain binary (or, with null lexpr, prefix) operator. */
    public static AExpr op(String op, Expr l, Expr r, int location) {
        return new AExpr(Kind.OP, List.of(op), l, r, location);
    }

    /** The operator's own name without schema qualification. */
    public String opName() {
        return name.get(name.size() - 1);
    }
}
