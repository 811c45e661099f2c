package dev.tusk.executor;

/** Row assembly shared by the join nodes. */
final class JoinRows {
    private JoinRows() {
    }

    static Object[] concat(Object[] left, int leftWidth, Object[] right, int rightWidth) {
        Object[] out = new Object[leftWidth + rightWidth];
        if (left != null) {
            System.arraycopy(left, 0, out, 0, leftWidth);
        }
        if (right != null) {
            System.arraycopy(right, 0, out, leftWidth, rightWidth);
        }
        return out;
    }

    /** A build-side row with its "matched" flag (for RIGHT and FULL joins). */
    static final class Inner {
        final Object[] row;
        boolean matched;

        Inner(Object[] row) {
            this.row = row;
        }
    }
}
