package dev.tusk.utils.fmgr;

import dev.tusk.utils.adt.TypeRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads PostgreSQL 15's pg_proc / pg_operator rows (resources) and keeps those with a Java body. */
final class ProcTable {
    private ProcTable() {
    }

    static List<String[]> rows(String resource) {
        List<String[]> out = new ArrayList<>();
        try (var in = ProcTable.class.getResourceAsStream("/dev/tusk/utils/fmgr/" + resource);
                var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String signature(String name, List<Integer> args) {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            sb.append(i == 0 ? "" : " ").append(args.get(i));
        }
        return sb.append(')').toString();
    }

    /** pg_proc.tsv columns: oid name argtypes rettype retset strict volatile variadic kind lang prosrc ... */
    static void loadFunctions(FunctionRegistry reg, ImplTable impls) {
        TypeRegistry types = TypeRegistry.builtin();
        for (String[] f : rows("pg_proc.tsv")) {
            int oid = Integer.parseInt(f[0]);
            String name = f[1];
            List<Integer> args = f[2].isEmpty() ? List.of()
                    : Arrays.stream(f[2].split(" ")).map(Integer::valueOf).toList();
            int ret = Integer.parseInt(f[3]);
            if (types.byOid(ret).isEmpty() || !args.stream().allMatch(a -> types.byOid(a).isPresent())) {
                continue;
            }
            boolean retset = f[4].equals("t");
            boolean strict = f[5].equals("t");
            Volatility vol = switch (f[6]) {
                case "i" -> Volatility.IMMUTABLE;
                case "s" -> Volatility.STABLE;
                default -> Volatility.VOLATILE;
            };
            int variadic = Integer.parseInt(f[7]);
            String kind = f[8];
            String prosrc = f[10];
            String sig = signature(name, args);
            if (kind.equals("a")) {
                AggregateDef agg = impls.aggregates.get(sig);
                if (agg != null) {
                    reg.register(new FunctionDef(oid, name, FunctionDef.PG_CATALOG, args, variadic, ret, false,
                            false, vol, prosrc, null, null, agg));
                }
                continue;
            }
            if (!kind.equals("f")) {
                continue;
            }
            if (retset) {
                SetFunctionImpl s = impls.sets.get(sig);
                if (s == null) {
                    s = impls.sets.get(prosrc);
                }
                if (s != null) {
                    reg.register(new FunctionDef(oid, name, FunctionDef.PG_CATALOG, args, variadic, ret, true,
                            strict, vol, prosrc, null, s, null));
                }
                continue;
            }
            FunctionImpl impl = impls.scalars.get(sig);
            if (impl == null && !prosrc.isEmpty()) {
                impl = impls.scalars.get(prosrc);
            }
            for (int k = 0; impl == null && k < impls.resolvers.size(); k++) {
                impl = impls.resolvers.get(k).find(name, prosrc, args, ret);
            }
            if (impl != null) {
                reg.register(new FunctionDef(oid, name, FunctionDef.PG_CATALOG, args, variadic, ret, false, strict,
                        vol, prosrc.isEmpty() ? name : prosrc, impl, null, null));
            }
        }
    }

    /** pg_operator.tsv columns: oid name kind left right result code com negate canmerge canhash rest join. */
    static void loadOperators(OperatorRegistry ops, FunctionRegistry functions) {
        for (String[] f : rows("pg_operator.tsv")) {
            FunctionDef fn = functions.byOid(Integer.parseInt(f[6])).orElse(null);
            if (fn == null) {
                continue;
            }
            ops.register(new OperatorDef(Integer.parseInt(f[0]), f[1], FunctionDef.PG_CATALOG,
                    Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]), fn,
                    Integer.parseInt(f[7]), Integer.parseInt(f[8]), f[9].equals("t"), f[10].equals("t"), f[11],
                    f[12]));
        }
    }
}
