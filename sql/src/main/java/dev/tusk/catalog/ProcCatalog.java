package dev.tusk.catalog;

import dev.tusk.utils.fmgr.FunctionDef;
import dev.tusk.utils.fmgr.FunctionRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contents of pg_proc: every function of PostgreSQL 15's pg_proc (the type layer's {@code pg_proc.tsv}, so
 * that e.g. {@code 'array_in'::regproc} and pg_type.typinput resolve like in PostgreSQL) overlaid by the
 * functions actually registered (which win by OID). Only registered functions can be called.
 */
final class ProcCatalog {
    /** One pg_proc row. {@code lang} is the pg_language OID. */
    record Proc(int oid, String name, List<Integer> args, int ret, boolean retset, boolean strict, char volatility,
            int variadic, char kind, int lang, String prosrc, char parallel, float cost, float rows, int namespace) {
        ProcDesc desc() {
            return new ProcDesc(oid, name, namespace, args, ret, retset, kind);
        }
    }

    private static volatile Map<Integer, Proc> postgres;

    private ProcCatalog() {
    }

    private static Map<Integer, Proc> postgres() {
        Map<Integer, Proc> p = postgres;
        if (p == null) {
            p = load();
            postgres = p;
        }
        return p;
    }

    private static Map<Integer, Proc> load() {
        Map<Integer, Proc> out = new LinkedHashMap<>();
        try (InputStream in = FunctionRegistry.class.getResourceAsStream("/dev/tusk/utils/fmgr/pg_proc.tsv")) {
            if (in == null) {
                return out;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("[\\t|]", -1);
                if (f.length < 14) {
                    continue;
                }
                List<Integer> args = f[2].isEmpty() ? List.of()
                        : Arrays.stream(f[2].split(" ")).map(Integer::valueOf).toList();
                int lang = switch (f[9]) {
                    case "c" -> 13;
                    case "sql" -> 14;
                    default -> CatalogRows.INTERNAL_LANGUAGE;
                };
                Proc p = new Proc(Integer.parseInt(f[0]), f[1], args, Integer.parseInt(f[3]), f[4].equals("t"),
                        f[5].equals("t"), f[6].charAt(0), Integer.parseInt(f[7]), f[8].equals("f") ? 'f'
                        : f[8].charAt(0), lang, f[10], f[11].isEmpty() ? 's' : f[11].charAt(0),
                        Float.parseFloat(f[12]), Float.parseFloat(f[13]), FunctionDef.PG_CATALOG);
                out.put(p.oid(), p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Proc of(FunctionDef f) {
        Proc base = postgres().get(f.oid());
        return new Proc(f.oid(), f.name(), f.argTypes(), f.returnType(), f.returnsSet(), f.strict(),
                f.volatility().code(), f.variadicType(), f.prokind(), base == null ? CatalogRows.INTERNAL_LANGUAGE
                : base.lang(), f.prosrc() == null ? f.name() : f.prosrc(), base == null ? 's' : base.parallel(),
                base == null ? 1f : base.cost(), f.returnsSet() ? 1000f : 0f, f.namespace());
    }

    /** Every pg_proc row, in OID order. */
    static List<Proc> all() {
        Map<Integer, Proc> m = new TreeMap<>(Integer::compareUnsigned);
        m.putAll(postgres());
        for (FunctionDef f : FunctionRegistry.builtin().all()) {
            m.put(f.oid(), of(f));
        }
        return new ArrayList<>(m.values());
    }

    static ProcDesc byOid(int oid) {
        FunctionDef f = FunctionRegistry.builtin().byOid(oid).orElse(null);
        if (f != null) {
            return of(f).desc();
        }
        Proc p = postgres().get(oid);
        return p == null ? null : p.desc();
    }

    static List<ProcDesc> byName(String name) {
        Map<Integer, ProcDesc> m = new TreeMap<>(Integer::compareUnsigned);
        for (Proc p : postgres().values()) {
            if (p.name().equals(name)) {
                m.put(p.oid(), p.desc());
            }
        }
        for (FunctionDef f : FunctionRegistry.builtin().byName(name)) {
            m.put(f.oid(), of(f).desc());
        }
        return new ArrayList<>(m.values());
    }

    /** The OID of the first function called {@code name} ("-" and unknown names give 0), for pg_type's regprocs. */
    static int oidByName(String name) {
        if (name == null || name.equals("-")) {
            return 0;
        }
        List<ProcDesc> l = byName(name);
        return l.isEmpty() ? 0 : l.getFirst().oid();
    }

    /** The variadic element type of a function (provariadic), 0 when none. */
    static int variadic(int oid) {
        FunctionDef f = FunctionRegistry.builtin().byOid(oid).orElse(null);
        if (f != null) {
            return f.variadicType();
        }
        Proc p = postgres().get(oid);
        return p == null ? 0 : p.variadic();
    }
}
