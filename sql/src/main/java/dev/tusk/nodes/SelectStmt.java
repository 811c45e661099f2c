package dev.tusk.nodes;

import java.util.List;

/**
 * A query (PostgreSQL's raw {@code SelectStmt}), in one of three shapes:
 * <ul>
 * <li>a simple SELECT: {@code op == NONE}, valuesLists empty; targetList, fromClause, whereClause, groupClause,
 * havingClause, windowClause, distinctClause ({@code null} = no DISTINCT, empty = plain DISTINCT, else the
 * DISTINCT ON expressions), intoClause (SELECT INTO, else null);</li>
 * <li>VALUES: {@code op == NONE}, valuesLists non-empty (one inner list per row, {@link SetToDefault} allowed
 * inside INSERT);</li>
 * <li>a set operation: {@code op} UNION/INTERSECT/EXCEPT with {@code all}, {@code larg}, {@code rarg}; the
 * leaf fields are empty.</li>
 * </ul>
 * On any shape, sortClause, limitOffset, limitCount, limitOption, lockingClause and withClause apply to the
 * whole (for a set operation they belong to the top node, as in PostgreSQL). Lists are never null except
 * distinctClause. {@code LIMIT ALL} gives a NULL AConst limitCount, as in PostgreSQL.
 * {@code FETCH FIRST n ROWS ONLY} is a limitCount; {@code WITH TIES} sets limitOption.
 */
public record SelectStmt(
        List<Expr> distinctClause,
        IntoClause intoClause,
        List<ResTarget> targetList,
        List<FromItem> fromClause,
        Expr whereClause,
        List<Expr> groupClause,
        boolean groupDistinct,
        Expr havingClause,
        List<WindowDef> windowClause,
        List<List<Expr>> valuesLists,
        List<SortBy> sortClause,
        Expr limitOffset,
        Expr limitCount,
        LimitOption limitOption,
        List<LockingClause> lockingClause,
        WithClause withClause,
        SetOperation op,
        boolean all,
        SelectStmt larg,
        SelectStmt rarg,
        int location) implements Stmt {

    public SelectStmt {
        distinctClause = distinctClause == null ? null : List.copyOf(distinctClause);
        targetList = List.copyOf(targetList);
        fromClause = List.copyOf(fromClause);
        groupClause = List.copyOf(groupClause);
        windowClause = List.copyOf(windowClause);
        valuesLists = valuesLists.stream().map(List::copyOf).toList();
        sortClause = List.copyOf(sortClause);
        lockingClause = List.copyOf(lockingClause);
    }

    public enum SetOperation { NONE, UNION, INTERSECT, EXCEPT }

    public enum LimitOption { DEFAULT, COUNT, WITH_TIES }

    public boolean isValues() {
        return op == SetOperation.NONE && !valuesLists.isEmpty();
    }

    public boolean isSetOperation() {
        return op != SetOperation.NONE;
    }

    /** An empty simple SELECT to build on with the with* methods. */
    public static SelectStmt empty(int location) {
        return new SelectStmt(null, null, List.of(), List.of(), null, List.of(), false, null, List.of(), List.of(),
                List.of(), null, null, LimitOption.DEFAULT, List.of(), null, SetOperation.NONE, false, null, null,
                location);
    }

    /** A VALUES query. */
    public static SelectStmt values(List<List<Expr>> rows, int location) {
        return new SelectStmt(null, null, List.of(), List.of(), null, List.of(), false, null, List.of(), rows,
                List.of(), null, null, LimitOption.DEFAULT, List.of(), null, SetOperation.NONE, false, null, null,
                location);
    }

    /** A set operation node. */
    public static SelectStmt setOp(SetOperation op, boolean all, SelectStmt l, SelectStmt r, int location) {
        return new SelectStmt(null, null, List.of(), List.of(), null, List.of(), false, null, List.of(), List.of(),
                List.of(), null, null, LimitOption.DEFAULT, List.of(), null, op, all, l, r, location);
    }

    public SelectStmt withSortClause(List<SortBy> s) {
        return new SelectStmt(distinctClause, intoClause, targetList, fromClause, whereClause, groupClause,
                groupDistinct, havingClause, windowClause, valuesLists, s, limitOffset, limitCount, limitOption,
                lockingClause, withClause, op, all, larg, rarg, location);
    }

    public SelectStmt withLimit(Expr offset, Expr count, LimitOption option) {
        return new SelectStmt(distinctClause, intoClause, targetList, fromClause, whereClause, groupClause,
                groupDistinct, havingClause, windowClause, valuesLists, sortClause, offset, count, option,
                lockingClause, withClause, op, all, larg, rarg, location);
    }

    public SelectStmt withLockingClause(List<LockingClause> l) {
        return new SelectStmt(distinctClause, intoClause, targetList, fromClause, whereClause, groupClause,
                groupDistinct, havingClause, windowClause, valuesLists, sortClause, limitOffset, limitCount,
                limitOption, l, withClause, op, all, larg, rarg, location);
    }

    public SelectStmt withWithClause(WithClause w) {
        return new SelectStmt(distinctClause, intoClause, targetList, fromClause, whereClause, groupClause,
                groupDistinct, havingClause, windowClause, valuesLists, sortClause, limitOffset, limitCount,
                limitOption, lockingClause, w, op, all, larg, rarg, location);
    }

    public SelectStmt withIntoClause(IntoClause i) {
        return new SelectStmt(distinctClause, i, targetList, fromClause, whereClause, groupClause,
                groupDistinct, havingClause, windowClause, valuesLists, sortClause, limitOffset, limitCount,
                limitOption, lockingClause, withClause, op, all, larg, rarg, location);
    }
}
