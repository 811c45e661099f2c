package dev.tusk.executor;

import dev.tusk.parser.analyze.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * The LATERAL parameters of a part of a query level planned as the inner side of a nested loop (PostgreSQL's
 * NestLoopParam list): columns of FROM items outside that part, each given a slot the inner side reads with
 * {@link ExecState#nestParam(int)} and the loop binds from each outer row.
 */
public final class NestParams {
    private final List<TypedExpr.Var> vars = new ArrayList<>();

    int slotFor(TypedExpr.Var v) {
        TypedExpr.Var key = new TypedExpr.Var(0, v.rtIndex(), v.attno(), v.type(), v.typmod(), -1);
        int i = vars.indexOf(key);
        if (i < 0) {
            vars.add(key);
            i = vars.size() - 1;
        }
        return i;
    }

    /** The referenced columns in slot order, to compute over the outer row. */
    public List<TypedExpr.Var> vars() {
        return vars;
    }
}
