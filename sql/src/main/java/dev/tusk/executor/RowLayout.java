package dev.tusk.executor;

import dev.tusk.parser.analyze.TypedExpr;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the values an expression may reference sit in a node's input row (the planner's targetlist/varno
 * bookkeeping, PostgreSQL's set_plan_references): range-table columns by (rtIndex, attno), and whole
 * expressions computed below (grouping expressions and aggregates above an Agg, sort keys...).
 */
public class RowLayout {
    private final Map<Long, Integer> vars = new HashMap<>();
    private final Map<TypedExpr, Integer> exprs = new HashMap<>();
    private int width;

    public RowLayout() {
    }

    /** A copy of {@code left} followed by {@code right} (a join's output). */
    public static RowLayout concat(RowLayout left, RowLayout right) {
        RowLayout r = new RowLayout();
        r.vars.putAll(left.vars);
        r.exprs.putAll(left.exprs);
        int off = left.width;
        right.vars.forEach((k, v) -> r.vars.put(k, v + off));
        right.exprs.forEach((k, v) -> r.exprs.put(k, v + off));
        r.width = left.width + right.width;
        return r;
    }

    static long key(int rtIndex, int attno) {
        return ((long) rtIndex << 32) | (attno & 0xFFFFFFFFL);
    }

    /** Declares that column {@code attno} of range-table entry {@code rtIndex} is at {@code slot}. */
    public void putVar(int rtIndex, int attno, int slot) {
        vars.put(key(rtIndex, attno), slot);
        width = Math.max(width, slot + 1);
    }

    /** Declares that expression {@code e} is already computed at {@code slot}. */
    public void putExpr(TypedExpr e, int slot) {
        exprs.putIfAbsent(e, slot);
        width = Math.max(width, slot + 1);
    }

    /** Adds an expression slot at the end; returns it. */
    public int addExpr(TypedExpr e) {
        int slot = width++;
        exprs.putIfAbsent(e, slot);
        return slot;
    }

    /** The slot of {@code e} (a precomputed expression, or a level-0 Var), or -1. */
    public int slotOf(TypedExpr e) {
        Integer s = exprs.get(e);
        if (s != null) {
            return s;
        }
        if (e instanceof TypedExpr.Var v && v.levelsUp() == 0) {
            Integer vs = vars.get(key(v.rtIndex(), v.attno()));
            return vs == null ? -1 : vs;
        }
        return -1;
    }

    public boolean hasExprs() {
        return !exprs.isEmpty();
    }

    public int width() {
        return width;
    }

    /** Widens the row without declaring anything (slots used by nobody above). */
    public void setWidth(int w) {
        width = Math.max(width, w);
    }
}
