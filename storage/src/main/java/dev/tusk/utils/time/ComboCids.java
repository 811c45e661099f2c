package dev.tusk.utils.time;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Combo command ids (PostgreSQL's {@code combocid.c}): a heap tuple has room for one command id, but a
 * tuple inserted and then deleted by the same transaction needs both its cmin and its cmax. Such a tuple
 * stores a combo id (flag {@code HEAP_COMBOCID}) that this transaction-local table maps back to the pair.
 * Only the owning transaction ever interprets the command id of its own tuples, so the table never needs
 * to be shared or logged.
 */
public final class ComboCids {
    private record Pair(int cmin, int cmax) {
    }

    private final List<Pair> byId = new ArrayList<>();
    private final Map<Pair, Integer> ids = new HashMap<>();

    /** GetComboCommandId: the combo id for (cmin, cmax), allocating one if needed. */
    public synchronized int comboFor(int cmin, int cmax) {
        Pair p = new Pair(cmin, cmax);
        Integer id = ids.get(p);
        if (id == null) {
            id = byId.size();
            byId.add(p);
            ids.put(p, id);
        }
        return id;
    }

    /** GetRealCmin. */
    public synchronized int cmin(int combo) {
        return byId.get(combo).cmin();
    }

    /** GetRealCmax. */
    public synchronized int cmax(int combo) {
        return byId.get(combo).cmax();
    }

    public synchronized int size() {
        return byId.size();
    }
}
