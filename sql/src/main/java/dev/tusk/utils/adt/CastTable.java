package dev.tusk.utils.adt;

import dev.tusk.utils.fmgr.FunctionRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads PostgreSQL 15's pg_cast rows (resource pg_cast.tsv) keeping those Tusk can perform. */
final class CastTable {
    private CastTable() {
    }

    static List<CastDef> load(FunctionRegistry functions) {
        List<CastDef> out = new ArrayList<>();
        TypeRegistry types = TypeRegistry.builtin();
        try (var in = CastTable.class.getResourceAsStream("/dev/tusk/utils/fmgr/pg_cast.tsv");
                var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", -1);
                int oid = Integer.parseInt(f[0]);
                int src = Integer.parseInt(f[1]);
                int tgt = Integer.parseInt(f[2]);
                int fn = Integer.parseInt(f[3]);
                if (types.byOid(src).isEmpty() || types.byOid(tgt).isEmpty()) {
                    continue;
                }
                char method = f[5].charAt(0);
                if (method == 'f' && functions.byOid(fn).isEmpty()) {
                    continue;
                }
                out.add(new CastDef(oid, src, tgt, fn, CoercionContext.ofCode(f[4].charAt(0)), method));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
