package dev.tusk.tcop;

/**
 * The statements of one simple Query message: PostgreSQL runs several of them as one implicit transaction
 * block, committed after the last one (exec_simple_query's {@code use_implicit_block}).
 */
final class SimpleBatch {
    private final int size;
    private int finished;

    SimpleBatch(int size) {
        this.size = size;
    }

    boolean implicitBlock() {
        return size > 1;
    }

    /** Records that one more statement ran to its end; true when it was the last one. */
    boolean statementFinished() {
        finished++;
        return finished >= size;
    }

    boolean done() {
        return finished >= size;
    }

    /** An error ends the Query: the remaining statements are not run. */
    void abandon() {
        finished = size;
    }
}
