package dev.tusk.utils.fmgr;

import dev.tusk.utils.adt.TypeNames;
import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * All functions the server can call (pg_proc with bodies), by OID and by name, with PostgreSQL's overload
 * resolution ({@link #resolve}). The built-in set is PostgreSQL 15's pg_proc rows for which Tusk has a Java
 * body, with their real OIDs; other packages (the catalog) {@link #register} more. Thread-safe.
 */
public final class FunctionRegistry {
    private static volatile FunctionRegistry builtin;

    private final Map<Integer, FunctionDef> byOid = new ConcurrentHashMap<>();
    private final Map<String, List<FunctionDef>> byName = new ConcurrentHashMap<>();

    FunctionRegistry() {
    }

    /** The process-wide registry with the built-in functions (and whatever was registered into it since). */
    public static FunctionRegistry builtin() {
        FunctionRegistry r = builtin;
        if (r == null) {
            synchronized (FunctionRegistry.class) {
                r = builtin;
                if (r == null) {
                    r = new FunctionRegistry();
                    ProcTable.loadFunctions(r, BuiltinLibraries.all());
                    builtin = r;
                }
            }
        }
        return r;
    }

    /** Adds a function; an existing one with the same OID is replaced. */
    public void register(FunctionDef def) {
        FunctionDef old = byOid.put(def.oid(), def);
        if (old != null) {
            byName.getOrDefault(old.name(), List.of()).remove(old);
        }
        byName.computeIfAbsent(def.name(), k -> new CopyOnWriteArrayList<>()).add(def);
    }

    public Optional<FunctionDef> byOid(int oid) {
        return Optional.ofNullable(byOid.get(oid));
    }

    /** All functions (to fill pg_proc), in OID order. */
    public List<FunctionDef> all() {
        List<FunctionDef> l = new ArrayList<>(byOid.values());
        l.sort(Comparator.comparingInt(FunctionDef::oid));
        return l;
    }

    /** Functions with this name (case-sensitive, already folded by the parser), any arity. */
    public List<FunctionDef> byName(String name) {
        return List.copyOf(byName.getOrDefault(stripCatalog(name), List.of()));
    }

    /** The function with exactly these argument types, or empty. */
    public Optional<FunctionDef> exact(String name, int... argTypes) {
        outer:
        for (FunctionDef f : byName(name)) {
            if (f.nargs() != argTypes.length) {
                continue;
            }
            for (int i = 0; i < argTypes.length; i++) {
                if (f.argTypes().get(i) != argTypes[i]) {
                    continue outer;
                }
            }
            return Optional.of(f);
        }
        return Optional.empty();
    }

    /**
     * func_get_detail: the best function for a call {@code name(args)} with the given actual argument types
     * (705 unknown for untyped literals, 0 never). Returns null when no function matches (the caller raises
     * {@link #noSuchFunction} with its cursor position, or tries a function-style cast first); throws 42725
     * "function f(unknown) is not unique" when the choice is ambiguous. Aggregates are included: check
     * {@link FunctionDef#isAggregate()}.
     */
    public FunctionMatch resolve(String name, int[] argTypes) {
        return resolve(name, argTypes, true);
    }

    /**
     * As {@link #resolve(String, int[])}; {@code expandVariadic} false when the call marks its last argument
     * {@code VARIADIC} (the array is then passed as is and must match the variadic parameter's array type).
     */
    public FunctionMatch resolve(String name, int[] argTypes, boolean expandVariadic) {
        List<FunctionDef> cands = byName(name);
        return OverloadResolver.resolveFunction(name, cands, argTypes, expandVariadic);
    }

    /** 42883 function f(integer, unknown) does not exist, with PostgreSQL's hint. */
    public static TuskException noSuchFunction(String name, int[] argTypes, int position) {
        return new TuskException(Severity.ERROR, SqlState.UNDEFINED_FUNCTION,
                "function " + name + "(" + typeList(argTypes) + ") does not exist", null,
                "No function matches the given name and argument types. You might need to add explicit type casts.",
                position, null);
    }

    static String typeList(int[] argTypes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < argTypes.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(TypeNames.format(argTypes[i]));
        }
        return sb.toString();
    }

    static String stripCatalog(String name) {
        return name.startsWith("pg_catalog.") ? name.substring(11) : name;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
