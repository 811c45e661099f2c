package dev.tusk.executor;

import java.util.ArrayList;
import java.util.List;

/**
 * EXPLAIN's text format for a plan tree (PostgreSQL's explain.c ExplainNode, FORMAT TEXT, COSTS OFF): one line
 * per node with {@code ->} arrows, indented details ({@code Filter:}, {@code Index Cond:}) under their node.
 * Projection nodes are invisible as in PostgreSQL; a hash join's inner side is shown under a {@code Hash} node.
 */
public final class Explain {
    private final List<String> lines = new ArrayList<>();

    private Explain() {
    }

    /** The QUERY PLAN lines of {@code plan}. */
    public static List<String> lines(Plan plan) {
        Explain e = new Explain();
        e.node(plan, 0, new ArrayList<>());
        return e.lines;
    }

    private void node(Plan p, int level, List<String> inherited) {
        List<String> details = new ArrayList<>(inherited);
        switch (p) {
            case Project pr -> {
                node(pr.child(), level, details);
                return;
            }
            case Filter f -> {
                details.add(0, "Filter: " + f.qualText());
                node(f.child(), level, details);
                return;
            }
            default -> {
            }
        }
        List<Plan> children = new ArrayList<>(p.children());
        String header;
        switch (p) {
            case SeqScan s -> {
                header = "Seq Scan on " + s.relation().name() + aliasSuffix(s.relation().name(), s.alias());
                if (s.qualText() != null) {
                    details.add(0, "Filter: " + s.qualText());
                }
            }
            case IndexScan s -> {
                header = "Index Scan using " + s.index().name() + " on " + s.relation().name()
                        + aliasSuffix(s.relation().name(), s.alias());
                if (s.boundText() != null) {
                    details.add(0, "Index Cond: " + s.boundText());
                }
            }
            case HashJoin h -> {
                header = "Hash " + joinName(h.kind());
                if (h.filterText() != null) {
                    details.add(0, "Join Filter: " + h.filterText());
                }
                if (h.condText() != null) {
                    details.add(0, "Hash Cond: " + h.condText());
                }
                children = List.of(h.left(), new HashNode(h.right()));
            }
            case HashNode h -> header = "Hash";
            case NestLoop n -> {
                header = "Nested Loop" + (n.kind() == JoinKind.INNER ? "" : " " + joinName(n.kind()));
                if (n.filterText() != null) {
                    details.add(0, "Join Filter: " + n.filterText());
                }
            }
            case LateralLoop n -> {
                header = "Nested Loop" + (n.kind() == JoinKind.INNER ? "" : " " + joinName(n.kind()));
                if (n.filterText() != null) {
                    details.add(0, "Join Filter: " + n.filterText());
                }
            }
            case HashAgg a -> {
                header = a.groupExprs().length == 0 ? "Aggregate" : "HashAggregate";
                if (a.groupKeyText() != null) {
                    details.add(0, "Group Key: " + a.groupKeyText());
                }
            }
            case Sort s -> {
                header = "Sort";
                if (s.keyText() != null) {
                    details.add(0, "Sort Key: " + s.keyText());
                }
            }
            case Limit l -> header = "Limit";
            case Append a -> header = "Append";
            case Distinct d -> header = "Unique";
            case SetOp s -> header = "HashSetOp " + (s.intersect() ? "Intersect" : "Except") + (s.all() ? " All" : "");
            case ValuesScan v -> header = v.width() == 0 && v.rows().size() == 1 ? "Result"
                    : "Values Scan on \"*VALUES*\"";
            case FunctionScan f -> header = f.function() == null ? "Result" : "Function Scan on " + f.function().name()
                    + aliasSuffix(f.function().name(), f.alias());
            case CteScan c -> header = "CTE Scan on " + c.name();
            case ProjectSet s -> header = "ProjectSet";
            default -> header = p.describe();
        }
        if (level == 0) {
            lines.add(header);
        } else {
            lines.add(" ".repeat(6 * level - 4) + "->  " + header);
        }
        String pad = " ".repeat(6 * level + 2);
        for (String d : details) {
            lines.add(pad + d);
        }
        for (Plan c : children) {
            node(c, level + 1, new ArrayList<>());
        }
    }

    /** PostgreSQL prints the range-table entry's name after the table's when they differ ("emp e"). */
    private static String aliasSuffix(String relname, String alias) {
        return alias == null || alias.equals(relname) ? "" : " " + alias;
    }

    private static String joinName(JoinKind k) {
        return switch (k) {
            case INNER -> "Join";
            case LEFT -> "Left Join";
            case RIGHT -> "Right Join";
            case FULL -> "Full Join";
            case SEMI -> "Semi Join";
            case ANTI -> "Anti Join";
        };
    }

    /** The Hash node PostgreSQL shows over a hash join's inner input (display only). */
    private record HashNode(Plan child) implements Plan {
        @Override
        public ExecNode start(ExecState state) {
            return child.start(state);
        }

        @Override
        public int width() {
            return child.width();
        }

        @Override
        public List<Plan> children() {
            return List.of(child);
        }

        @Override
        public String describe() {
            return "Hash";
        }
    }
}
