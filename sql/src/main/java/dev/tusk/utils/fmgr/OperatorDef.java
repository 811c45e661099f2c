package dev.tusk.utils.fmgr;

/**
 * One pg_operator row. {@code left} is 0 for a prefix operator. The operator runs its underlying function
 * {@code function} (oprcode), which is registered in the {@link FunctionRegistry} too.
 *
 * @param commutator oprcom (0 none)
 * @param negator    oprnegate (0 none)
 */
public record OperatorDef(int oid, String name, int namespace, int left, int right, int result,
        FunctionDef function, int commutator, int negator, boolean canMerge, boolean canHash,
        String oprrest, String oprjoin) {

    /** oprkind: 'b' infix, 'l' prefix. */
    public char kind() {
        return left == 0 ? 'l' : 'b';
    }

    /** Applies the operator (strict like its function). */
    public Object apply(FunctionContext ctx, Object leftValue, Object rightValue) {
        int[] types = left == 0 ? new int[] {right} : new int[] {left, right};
        return left == 0 ? function.call(ctx, types, rightValue) : function.call(ctx, types, leftValue, rightValue);
    }
}
