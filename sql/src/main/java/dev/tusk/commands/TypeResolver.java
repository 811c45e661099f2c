package dev.tusk.commands;

import dev.tusk.catalog.Catalog;
import dev.tusk.nodes.AConst;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.TypeName;
import dev.tusk.utils.adt.PgType;
import dev.tusk.utils.adt.Typmods;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** typenameTypeIdAndMod for DDL: a TypeName to (type OID, typmod), serial pseudo-types recognised. */
public final class TypeResolver {
    /** A resolved column type. {@code serialKind} is null unless the name was serial/bigserial/smallserial. */
    public record Resolved(PgType type, int typmod, String serialKind) {}

    private static final Set<String> SERIALS = Set.of("serial", "serial4", "bigserial", "serial8", "smallserial",
            "serial2");

    private TypeResolver() {
    }

    public static Resolved resolve(Catalog catalog, TypeName tn, List<String> searchPath, boolean allowSerial) {
        String simple = tn.simpleName().toLowerCase(Locale.ROOT);
        boolean unqualifiedOrCatalog = tn.names().size() == 1
                || (tn.names().size() == 2 && tn.names().get(0).equals("pg_catalog"));
        if (allowSerial && unqualifiedOrCatalog && SERIALS.contains(simple) && !tn.isArray() && tn.typmods().isEmpty()) {
            String base = switch (simple) {
                case "bigserial", "serial8" -> "int8";
                case "smallserial", "serial2" -> "int2";
                default -> "int4";
            };
            PgType t = catalog.lookupType(List.of("pg_catalog", base), searchPath);
            return new Resolved(t, -1, simple);
        }
        PgType t = catalog.lookupType(tn.names(), searchPath);
        if (t == null) {
            throw CommandErrors.typeDoesNotExist(String.join(".", tn.names()), tn.location());
        }
        int typmod = -1;
        if (!tn.typmods().isEmpty()) {
            int[] mods = new int[tn.typmods().size()];
            for (int i = 0; i < mods.length; i++) {
                Expr e = tn.typmods().get(i);
                if (e instanceof AConst c && c.value() instanceof AConst.Literal.Int v) {
                    mods[i] = v.value();
                } else {
                    throw CommandErrors.withPosition(new TuskException(SqlState.SYNTAX_ERROR,
                            "type modifiers must be simple constants or identifiers"), tn.location());
                }
            }
            try {
                typmod = Typmods.fromDeclared(t.oid(), mods);
            } catch (TuskException e) {
                throw CommandErrors.withPosition(e, tn.location());
            }
        }
        if (tn.isArray() && !t.isArray()) {
            if (t.typarray() == 0) {
                throw CommandErrors.typeDoesNotExist(t.name() + "[]", tn.location());
            }
            t = catalog.type(t.typarray());
        }
        return new Resolved(t, typmod, null);
    }
}
