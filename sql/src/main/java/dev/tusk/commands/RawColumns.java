package dev.tusk.commands;

import dev.tusk.nodes.ColumnRef;
import dev.tusk.nodes.Node;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Column names referenced by a raw expression, in order of appearance (for naming CHECK constraints). */
final class RawColumns {
    private RawColumns() {
    }

    static List<String> referenced(Node expr) {
        List<String> out = new ArrayList<>();
        walk(expr, out, true);
        return out;
    }

    /** Every column reference, repeats included (pull_var_clause's list). */
    static List<String> occurrences(Node expr) {
        List<String> out = new ArrayList<>();
        walk(expr, out, false);
        return out;
    }

    private static void walk(Object o, List<String> out, boolean distinct) {
        if (o == null) {
            return;
        }
        if (o instanceof ColumnRef c) {
            String last = c.names().isEmpty() ? null : c.names().get(c.names().size() - 1);
            if (last != null && !c.star() && !(distinct && out.contains(last))) {
                out.add(last);
            }
            return;
        }
        if (o instanceof Collection<?> coll) {
            for (Object e : coll) {
                walk(e, out, distinct);
            }
            return;
        }
        if (o instanceof Record r && o instanceof Node) {
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                try {
                    walk(rc.getAccessor().invoke(r), out, distinct);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
