package dev.tusk.nodes;

import java.util.List;

/**
 * A function or aggregate call (PostgreSQL's {@code FuncCall}). {@code funcname} may be qualified
 * (["pg_catalog", "now"]). {@code aggStar} is {@code count(*)}; {@code aggDistinct} is {@code f(DISTINCT x)};
 * {@code aggOrder} the ORDER BY inside the parentheses (empty if none); {@code aggWithinGroup} says the order
 * came from WITHIN GROUP; {@code aggFilter} the FILTER (WHERE ...) condition or null; {@code over} the window
 * or null; {@code funcVariadic} a VARIADIC last argument. Named arguments are {@link NamedArgExpr}s.
 * {@code funcFormat} tells how it was written: {@link Form#NORMAL} for {@code f(x)}, {@link Form#SQL_SYNTAX}
 * for the SQL-standard spellings the grammar rewrites into calls (EXTRACT, SUBSTRING ... FROM, POSITION, TRIM,
 * OVERLAY...), which matters only for deparsing.
 */
public record FuncCall(List<String> funcname, List<Expr> args, List<SortBy> aggOrder, Expr aggFilter,
        WindowDef over, boolean aggWithinGroup, boolean aggStar, boolean aggDistinct, boolean funcVariadic,
        Form funcFormat, int location) implements Expr {
    public FuncCall {
        funcname = List.copyOf(funcname);
        args = List.copyOf(args);
        aggOrder = List.copyOf(aggOrder);
    }

    public enum Form { NORMAL, SQL_SYNTAX }

    /** A plain call {@code name(args)}. */
    public static FuncCall of(List<String> name, List<Expr> args, int location) {
        return new FuncCall(name, args, List.of(), null, null, false, false, false, false, Form.NORMAL, location);
    }

    /** The function's own name without schema qualification. */
    public String simpleName() {
        return funcname.get(funcname.size() - 1);
    }
}
