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
        return indexDef(c, idx, column, null);
    }

    /**
     * pg_get_indexdef(oid, column, pretty): with {@code pretty} (PRETTYFLAG_SCHEMA, given as the session's
     * {@code searchPath}) the table is qualified only when the search path would not find it; otherwise (null)
     * always qualified, as pg_get_indexdef(oid) and pg_indexes print it.
     */
    public static String indexDef(Catalog c, IndexDesc idx, int column, List<String> prettySearchPath) {
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
                + (prettySearchPath != null ? relationName(c, table, prettySearchPath)
                        : QualifiedNames.qualify(table.namespaceName(), table.name())) + " USING btree ("
                + String.join(", ", keys)
                + ")" + (idx.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "");
    }

    /**
     * pg_get_triggerdef_worker: {@code CREATE CONSTRAINT TRIGGER "RI_ConstraintTrigger_a_16390" AFTER DELETE ON
     * public.parent FROM t NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION
     * "RI_FKey_cascade_del"()}; with {@code pretty} the ON table is qualified only when not visible.
     */
    static String triggerDef(Catalog c, TriggerDesc t, List<String> searchPath, boolean pretty) {
        StringBuilder sb = new StringBuilder("CREATE ");
        if (t.constraintOid() != 0) {
            sb.append("CONSTRAINT ");
        }
        sb.append("TRIGGER ").append(QualifiedNames.quote(t.name())).append(' ');
        int type = t.tgtype();
        if ((type & 2) != 0) {
            sb.append("BEFORE");
        } else if ((type & 64) != 0) {
            sb.append("INSTEAD OF");
        } else {
            sb.append("AFTER");
        }
        int events = 0;
        for (int[] e : new int[][] {{4}, {8}, {16}, {32}}) {
            if ((type & e[0]) != 0) {
                sb.append(events++ > 0 ? " OR " : " ").append(switch (e[0]) {
                    case 4 -> "INSERT";
                    case 8 -> "DELETE";
                    case 16 -> "UPDATE";
                    default -> "TRUNCATE";
                });
            }
        }
        RelationDesc on = c.relation(t.relationOid());
        if (on == null) {
            return null;
        }
        sb.append(" ON ").append(pretty ? relationName(c, on, searchPath)
                : QualifiedNames.qualify(on.namespaceName(), on.name())).append(' ');
        if (t.constraintOid() != 0) {
            RelationDesc from = t.constraintRelationOid() == 0 ? null : c.relation(t.constraintRelationOid());
            if (from != null) {
                sb.append("FROM ").append(relationName(c, from, searchPath)).append(' ');
            }
            sb.append(t.deferrable() ? "" : "NOT ").append("DEFERRABLE INITIALLY ")
                    .append(t.initDeferred() ? "DEFERRED " : "IMMEDIATE ");
        }
        sb.append((type & 1) != 0 ? "FOR EACH ROW " : "FOR EACH STATEMENT ");
        ProcDesc f = c.function(t.functionOid());
        String fname = f != null ? f.name() : riFunctionName(t.functionOid());
        return sb.append("EXECUTE FUNCTION ").append(QualifiedNames.quote(fname)).append("()").toString();
    }

    /** The names of ri_triggers.c's trigger functions (pg_proc OIDs 1644..1655). */
    private static String riFunctionName(int oid) {
        return switch (oid) {
            case 1644 -> "RI_FKey_check_ins";
            case 1645 -> "RI_FKey_check_upd";
            case 1646 -> "RI_FKey_cascade_del";
            case 1647 -> "RI_FKey_cascade_upd";
            case 1648 -> "RI_FKey_restrict_del";
            case 1649 -> "RI_FKey_restrict_upd";
            case 1650 -> "RI_FKey_setnull_del";
            case 1651 -> "RI_FKey_setnull_upd";
            case 1652 -> "RI_FKey_setdefault_del";
            case 1653 -> "RI_FKey_setdefault_upd";
            case 1654 -> "RI_FKey_noaction_del";
            case 1655 -> "RI_FKey_noaction_upd";
            default -> Integer.toUnsignedString(oid);
        };
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
