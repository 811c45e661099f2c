package dev.tusk.executor;

/** A node with no rows. */
final class Empty {
    static final ExecNode NODE = new ExecNode() {
        @Override
        public Object[] next() {
            return null;
        }

        @Override
        public void close() {
        }
    };

    private Empty() {
    }
}
