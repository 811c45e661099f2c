package dev.tusk.parser.analyze;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.TypeName;
import dev.tusk.utils.adt.PgType;
import dev.tusk.utils.adt.TypeRegistry;
import dev.tusk.utils.adt.Typmods;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.List;

/** TypeName to type OID and typmod (PostgreSQL's parse_type.c typenameTypeIdAndMod). */
final class TypeResolver {
    private TypeResolver() {
    }

    record Resolved(int oid, int typmod) {
    }

    static Resolved resolve(TypeName tn, Analyzer a) {
        PgType t = null;
        try {
            t = a.ctx().catalog().lookupType(tn.names(), a.ctx().searchPath());
        } catch (TuskException e) {
            throw AnalyzeErrors.withPosition(e, tn.location());
        }
        if (t == null) {
            t = TypeRegistry.builtin().byName(String.join(".", tn.names())).orElse(null);
        }
        if (t == null) {
            throw AnalyzeErrors.at(SqlState.UNDEFINED_OBJECT, "type \"" + display(tn.names()) + "\" does not exist",
                    tn.location());
        }
        int typmod = -1;
        if (!tn.typmods().isEmpty()) {
            int[] mods = new int[tn.typmods().size()];
            for (int i = 0; i < mods.length; i++) {
                mods[i] = intMod(tn.typmods().get(i), tn.location());
            }
            try {
                typmod = Typmods.fromDeclared(t.oid(), mods);
            } catch (TuskException e) {
                throw AnalyzeErrors.withPosition(e, tn.location());
            }
        }
        int oid = t.oid();
        if (tn.isArray() && !t.isArray()) {
            oid = Coercion.arrayTypeOf(oid, tn.location());
        }
        return new Resolved(oid, typmod);
    }

    private static int intMod(Expr e, int location) {
        if (e instanceof AConst c && c.value() instanceof AConst.Literal.Int i) {
            return i.value();
        }
        throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "type modifiers must be simple constants or identifiers",
                location);
    }

    private static String display(List<String> names) {
        if (names.size() == 2 && names.get(0).equals("pg_catalog")) {
            return names.get(1);
        }
        return String.join(".", names);
    }
}
