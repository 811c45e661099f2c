package dev.tusk.executor;

import dev.tusk.utils.fmgr.AggregateDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * One aggregate call as the Agg node runs it (PostgreSQL's AggStatePerTrans): argument evaluators, FILTER,
 * DISTINCT and ORDER BY inside the call. Strict transitions skip rows with a NULL argument.
 *
 * @param order sort keys over the argument row {@code [args..., extra order exprs...]}; empty when none
 */
public record AggSpec(String name, AggregateDef def, Evaluator[] args, int[] argTypes, boolean distinct,
        BiPredicate<Object[], ExecState> filter, Evaluator[] orderExprs, List<SortKey> order) {

    /** Per-group running state. */
    final class Group {
        private Object state;
        private boolean initialized;
        private List<Object[]> buffered;
        private Set<RowKey> seen;

        void advance(Object[] row, ExecState st) {
            if (filter != null && !filter.test(row, st)) {
                return;
            }
            int n = args.length;
            Object[] vals = new Object[n + orderExprs.length];
            for (int i = 0; i < n; i++) {
                vals[i] = args[i].eval(row, st);
            }
            for (int i = 0; i < orderExprs.length; i++) {
                vals[n + i] = orderExprs[i].eval(row, st);
            }
            if (distinct || !order.isEmpty()) {
                if (buffered == null) {
                    buffered = new ArrayList<>();
                }
                buffered.add(vals);
                return;
            }
            feed(vals, st);
        }

        private void feed(Object[] vals, ExecState st) {
            int n = args.length;
            if (def.strict()) {
                for (int i = 0; i < n; i++) {
                    if (vals[i] == null) {
                        return;
                    }
                }
            }
            Object[] a = vals.length == n ? vals : java.util.Arrays.copyOf(vals, n);
            if (!initialized) {
                state = def.init().create(st.context().functions(), argTypes);
                initialized = true;
            }
            state = def.transition().advance(st.context().functions(), state, a);
        }

        Object finish(ExecState st) {
            if (buffered != null) {
                List<Object[]> rows = buffered;
                buffered = null;
                if (!order.isEmpty()) {
                    rows.sort(SortKey.comparator(order));
                }
                if (distinct) {
                    seen = new HashSet<>();
                    int[] slots = new int[args.length];
                    for (int i = 0; i < slots.length; i++) {
                        slots[i] = i;
                    }
                    for (Object[] r : rows) {
                        if (seen.add(RowKey.of(r, slots, argTypes))) {
                            feed(r, st);
                        }
                    }
                } else {
                    for (Object[] r : rows) {
                        feed(r, st);
                    }
                }
            }
            if (!initialized) {
                state = def.init().create(st.context().functions(), argTypes);
                initialized = true;
            }
            return def.finish().result(st.context().functions(), state);
        }
    }

    Group newGroup() {
        return new Group();
    }
}
