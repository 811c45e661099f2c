package dev.tusk.executor;

import java.util.List;

/**
 * A node of a plan tree (PostgreSQL's {@code Plan}): immutable, built once by the planner, started any number
 * of times. {@link #start} is ExecInitNode: it returns the running iterator for one execution (a nested loop
 * restarts its inner side by starting it again, which is ExecReScan).
 */
public interface Plan {
    /** ExecInitNode: a fresh iterator over this node's rows. */
    ExecNode start(ExecState state);

    /** Number of values in each row this node produces. */
    int width();

    /** The node's children, for inspection. */
    List<Plan> children();

    /** A one-line description (node name and key facts), EXPLAIN-like. */
    String describe();

    /** This tree as indented lines, for tests and debugging. */
    default String explain() {
        StringBuilder sb = new StringBuilder();
        explain(sb, 0);
        return sb.toString();
    }

    private void explain(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth)).append(depth > 0 ? "-> " : "").append(describe()).append('\n');
        for (Plan c : children()) {
            c.explain(sb, depth + 1);
        }
    }
}
