package dev.tusk.catalog;

import dev.tusk.access.nbtree.IndexKeyDesc;
import dev.tusk.utils.adt.TypeNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog deparsers of PostgreSQL's {@code ruleutils.c}: pg_get_constraintdef, pg_get_indexdef,
 * pg_get_viewdef, and relation names as they print (schema-qualified only when not visible).
 */
public final class RuleUtils {
    private RuleUtils() {
    }

    /** generate_relation_name: the name, qualified when the search path would not find this relation by it. */
    public static String relationName(Catalog c, RelationDesc r, List<String> searchPath) {
        if (c.isRelationVisible(r.oid(), searchPath)) {
            return QualifiedNames.quote(r.name());
        }
        return QualifiedNames.qualify(r.namespaceName(), r.name());
    }

    private static String columnList(RelationDesc r, List<Integer> attnums) {
        List<String> names = new ArrayList<>();
        for (int a : attnums) {
            names.add(QualifiedNames.quote(r.column(a).name()));
        }
        return String.join(", ", names);
    }

    /** pg_get_constraintdef_worker: {@code PRIMARY KEY (id)}, {@code CHECK ((a > 0))}, {@code FOREIGN KEY ...}. */
    public static String constraintDef(Catalog c, ConstraintDesc con, List<String> searchPath) {
        return constraintDef(c, con, searchPath, false);
    }

    /** pg_get_constraintdef(oid, pretty): with {@code pretty} a CHECK expression loses redundant parentheses. */
    public static String constraintDef(Catalog c, ConstraintDesc con, List<String> searchPath, boolean pretty) {
        RelationDesc rel = c.relation(con.relationOid());
        StringBuilder sb = new StringBuilder();
        switch (con.contype()) {
            case 'p' -> sb.append("PRIMARY KEY (").append(columnList(rel, con.keyAttnums())).append(')');
            case 'u' -> {
                sb.append("UNIQUE ");
                IndexDesc idx = indexOf(rel, con.indexOid());
                if (idx != null && idx.nullsNotDistinct()) {
                    sb.append("NULLS NOT DISTINCT ");
                }
                sb.append('(').append(columnList(rel, con.keyAttnums())).append(')');
            }
            case 'c' -> sb.append("CHECK (").append(pretty ? PrettyExpr.pretty(con.checkExpr()) : con.checkExpr())
                    .append(')');
            case 'f' -> {
                RelationDesc ref = c.relation(con.refRelationOid());
                sb.append("FOREIGN KEY (").append(columnList(rel, con.keyAttnums())).append(") REFERENCES ")
                        .append(relationName(c, ref, searchPath)).append('(')
                        .append(columnList(ref, con.refAttnums())).append(')');
                if (con.matchType() == 'f') {
                    sb.append(" MATCH FULL");
                } else if (con.matchType() == 'p') {
                    sb.append(" MATCH PARTIAL");
                }
                appendAction(sb, "UPDATE", con.updateAction());
                appendAction(sb, "DELETE", con.deleteAction());
            }
            default -> throw new IllegalStateException("invalid constraint type \"" + con.contype() + "\"");
        }
        if (con.deferrable()) {
            sb.append(" DEFERRABLE");
        }
        if (con.deferred()) {
            sb.append(" INITIALLY DEFERRED");
        }
        if (!con.validated()) {
            sb.append(" NOT VALID");
        }
        return sb.toString();
    }

    private static void appendAction(StringBuilder sb, String event, char action) {
        String a = switch (action) {
            case 'r' -> "RESTRICT";
            case 'c' -> "CASCADE";
            case 'n' -> "SET NULL";
            case 'd' -> "SET DEFAULT";
            default -> null;
        };
        if (a != null) {
            sb.append(" ON ").append(event).append(' ').append(a);
        }
    }

    private static IndexDesc indexOf(RelationDesc rel, int indexOid) {
        for (IndexDesc i : rel.indexes()) {
            if (i.oid() == indexOid) {
                return i;
            }
        }
        return null;
    }

    /**
     * pg_get_indexdef_worker: {@code CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id)}; with
     * {@code column > 0} only that key column's text.
     */
    public static String indexDef(Catalog c, IndexDesc idx, int column) {
        RelationDesc table = c.relation(idx.relationOid());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < idx.keyAttnums().size(); i++) {
            String name = QualifiedNames.quote(table.column(idx.keyAttnums().get(i)).name());
            if (column > 0) {
                if (column == i + 1) {
                    return name;
                }
                continue;
            }
            IndexKeyDesc.ColumnOrder o = idx.orders().get(i);
            if (o.descending()) {
                name += " DESC";
                if (!o.nullsFirst()) {
                    name += " NULLS LAST";
                }
            } else if (o.nullsFirst()) {
                name += " NULLS FIRST";
            }
            keys.add(name);
        }
        if (column > 0) {
            return "";
        }
        return "CREATE " + (idx.unique() ? "UNIQUE " : "") + "INDEX " + QualifiedNames.quote(idx.name()) + " ON "
                + QualifiedNames.qualify(table.namespaceName(), table.name()) + " USING btree ("
                + String.join(", ", keys)
                + ")" + (idx.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "");
    }

    /** pg_get_expr(expr, relation, pretty): the stored text, or its pretty form. */
    public static String expression(String stored, boolean pretty) {
        return pretty ? PrettyExpr.pretty(stored) : stored;
    }

    /** format_type for a function's argument list (pg_get_function_arguments). */
    static String functionArguments(ProcDesc p, int variadicType) {
        List<String> args = new ArrayList<>();
        for (int i = 0; i < p.argTypes().size(); i++) {
            String t = TypeNames.format(p.argTypes().get(i));
            if (variadicType != 0 && i == p.argTypes().size() - 1) {
                t = "VARIADIC " + t;
            }
            args.add(t);
        }
        return String.join(", ", args);
    }
}
