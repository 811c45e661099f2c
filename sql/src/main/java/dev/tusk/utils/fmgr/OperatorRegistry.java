package dev.tusk.utils.fmgr;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.adt.TypeNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Operators (pg_operator rows whose function Tusk implements, with real OIDs) and operator resolution
 * (parse_oper.c: oper / left_oper with binary_oper_exact and oper_select_candidate). Thread-safe.
 */
public final class OperatorRegistry {
    private static volatile OperatorRegistry builtin;

    private final Map<Integer, OperatorDef> byOid = new ConcurrentHashMap<>();
    private final Map<String, List<OperatorDef>> byName = new ConcurrentHashMap<>();

    OperatorRegistry() {
    }

    /** The built-in operators over {@link FunctionRegistry#builtin()}. */
    public static OperatorRegistry builtin() {
        OperatorRegistry r = builtin;
        if (r == null) {
            synchronized (OperatorRegistry.class) {
                r = builtin;
                if (r == null) {
                    r = new OperatorRegistry();
                    ProcTable.loadOperators(r, FunctionRegistry.builtin());
                    builtin = r;
                }
            }
        }
        return r;
    }

    public void register(OperatorDef op) {
        OperatorDef old = byOid.put(op.oid(), op);
        if (old != null) {
            byName.getOrDefault(old.name(), List.of()).remove(old);
        }
        byName.computeIfAbsent(op.name(), k -> new CopyOnWriteArrayList<>()).add(op);
    }

    public Optional<OperatorDef> byOid(int oid) {
        return Optional.ofNullable(byOid.get(oid));
    }

    /** All operators (to fill pg_operator), in OID order. */
    public List<OperatorDef> all() {
        List<OperatorDef> l = new ArrayList<>(byOid.values());
        l.sort(Comparator.comparingInt(OperatorDef::oid));
        return l;
    }

    /** The operator with exactly these operand types (left 0 for prefix), or empty. */
    public Optional<OperatorDef> exact(String name, int left, int right) {
        for (OperatorDef o : byName.getOrDefault(FunctionRegistry.stripCatalog(name), List.of())) {
            if (o.left() == left && o.right() == right) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /**
     * oper()/left_oper(): the operator for {@code left name right} ({@code left} = 0 for a prefix operator),
     * operand types may be 705 unknown. Returns null when none matches (raise {@link #noSuchOperator});
     * throws 42725 "operator is not unique: unknown = unknown" on ambiguity.
     */
    public OperatorMatch resolve(String name, int left, int right) {
        List<OperatorDef> cands = byName.getOrDefault(FunctionRegistry.stripCatalog(name), List.of());
        return OverloadResolver.resolveOperator(name, cands, left, right);
    }

    /** 42883 operator does not exist: integer + text, with PostgreSQL's hint. */
    public static TuskException noSuchOperator(String name, int left, int right, int position) {
        String sig = left == 0 ? name + " " + TypeNames.format(right)
                : TypeNames.format(left) + " " + name + " " + TypeNames.format(right);
        return new TuskException(Severity.ERROR, SqlState.UNDEFINED_FUNCTION, "operator does not exist: " + sig,
                null, "No operator matches the given name and argument types. You might need to add explicit type "
                        + "casts.", position, null);
    }
}
