package dev.tusk.parser.analyze;

import dev.tusk.parser.Keywords;
import dev.tusk.utils.adt.SessionFormats;
import dev.tusk.utils.adt.TypeIo;
import dev.tusk.utils.adt.TypeNames;
import dev.tusk.utils.adt.TypeOids;
import java.util.List;
import java.util.function.Function;

/**
 * Analyzed expressions back to SQL text as PostgreSQL's ruleutils.c prints them (pg_get_expr,
 * pg_get_constraintdef's body, pg_get_viewdef): operators and boolean connectives parenthesized, implicit casts
 * hidden at the top level but shown as {@code (x)::type} inside operators and calls, constants decorated so
 * they re-parse with the same type ({@code 5}, {@code '-1'::integer}, {@code 1.5}, {@code 'abc'::text}).
 */
public final class Deparser {
    private final Function<TypedExpr.Var, String> varNames;
    private final QueryDeparser queries;

    private Deparser(Function<TypedExpr.Var, String> varNames, QueryDeparser queries) {
        this.varNames = varNames;
        this.queries = queries;
    }

    /** An expression over one relation's columns ({@code columnNames} by attnum-1), as pg_get_expr prints it. */
    public static String expression(TypedExpr e, List<String> columnNames) {
        return new Deparser(v -> v.attno() > 0 ? quoteIdent(columnNames.get(v.attno() - 1)) : "ctid", null)
                .expr(e, false);
    }

    /** True when {@code e} reads any column. */
    public static boolean referencesVars(TypedExpr e) {
        return ExprTrees.any(e, x -> x instanceof TypedExpr.Var);
    }

    /** A view's definition in pg_get_viewdef's layout. */
    public static String viewDefinition(Query q) {
        return new QueryDeparser().query(q, 0) + ";";
    }

    /**
     * EXPLAIN's text for a list of conditions (show_qual): one as itself, several ANDed, columns named from
     * {@code rtable}, qualified with their range entry's alias when {@code qualify}.
     */
    public static String explainQuals(java.util.List<TypedExpr> quals, java.util.List<Rte> rtable, boolean qualify) {
        Deparser d = explainDeparser(rtable, qualify);
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (TypedExpr q : quals) {
            String t = d.expr(q, false);
            parts.add(t.startsWith("(") && t.endsWith(")") ? t : "(" + t + ")");
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")";
    }

    /** EXPLAIN's text for a sort or group key expression (show_expression). */
    public static String explainExpr(TypedExpr e, java.util.List<Rte> rtable, boolean qualify) {
        return explainDeparser(rtable, qualify).expr(e, false);
    }

    private static Deparser explainDeparser(java.util.List<Rte> rtable, boolean qualify) {
        return new Deparser(v -> {
            if (v.levelsUp() != 0 || v.rtIndex() < 0 || v.rtIndex() >= rtable.size()) {
                return "$" + v.attno();
            }
            Rte r = rtable.get(v.rtIndex());
            String col = v.attno() >= 1 && v.attno() <= r.colNames().size() ? quoteIdent(r.colNames().get(v.attno() - 1))
                    : "ctid";
            return qualify && r.alias() != null ? quoteIdent(r.alias()) + "." + col : col;
        }, new QueryDeparser());
    }

    static Deparser withNames(Function<TypedExpr.Var, String> names, QueryDeparser queries) {
        return new Deparser(names, queries);
    }

    /** quote_identifier: plain when lower-case, simple and not a reserved word. */
    public static String quoteIdent(String id) {
        if (id == null) {
            return "\"?\"";
        }
        boolean safe = !id.isEmpty() && (Character.isLowerCase(id.charAt(0)) || id.charAt(0) == '_');
        for (int i = 0; safe && i < id.length(); i++) {
            char c = id.charAt(i);
            safe = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
        }
        if (safe) {
            Keywords.Keyword k = Keywords.lookup(id);
            safe = k == null || k.category() == Keywords.Category.UNRESERVED;
        }
        return safe ? id : "\"" + id.replace("\"", "\"\"") + "\"";
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    String expr(TypedExpr e, boolean showImplicit) {
        return switch (e) {
            case TypedExpr.Const c -> constant(c, true);
            case TypedExpr.Var v -> varNames.apply(v);
            case TypedExpr.Param p -> "$" + p.number();
            case TypedExpr.Op o -> o.left() == null ? "(" + o.operator().name() + " " + expr(o.right(), true) + ")"
                    : "(" + expr(o.left(), true) + " " + o.operator().name() + " " + expr(o.right(), true) + ")";
            case TypedExpr.Func f -> f.form() == TypedExpr.Form.CALL ? call(f.function().name(), f.args())
                    : cast(f.args().get(0), f.type(), f.typmod(), f.form(), showImplicit);
            case TypedExpr.Cast c -> cast(c.arg(), c.type(), c.typmod(), c.form(), showImplicit);
            case TypedExpr.Bool b -> switch (b.kind()) {
                case NOT -> "(NOT " + expr(b.args().get(0), false) + ")";
                case AND -> join(b.args(), " AND ");
                case OR -> join(b.args(), " OR ");
            };
            case TypedExpr.NullTest n -> "(" + expr(n.arg(), true) + (n.isNull() ? " IS NULL)" : " IS NOT NULL)");
            case TypedExpr.BoolTest b -> "(" + expr(b.arg(), true) + " " + b.test().name().replace('_', ' ') + ")";
            case TypedExpr.ScalarArrayOp s -> "(" + expr(s.left(), true) + " " + s.operator().name()
                    + (s.useOr() ? " ANY (" : " ALL (") + expr(s.array(), true) + "))";
            case TypedExpr.ArrayBuild a -> "ARRAY[" + list(a.elements()) + "]";
            case TypedExpr.Row r -> "ROW(" + list(r.args()) + ")";
            case TypedExpr.Coalesce c -> "COALESCE(" + list(c.args()) + ")";
            case TypedExpr.MinMax m -> (m.greatest() ? "GREATEST(" : "LEAST(") + list(m.args()) + ")";
            case TypedExpr.NullIf n -> "NULLIF(" + expr(n.left(), true) + ", " + expr(n.right(), true) + ")";
            case TypedExpr.Distinct d -> "(" + expr(d.left(), true) + (d.not() ? " IS NOT DISTINCT FROM "
                    : " IS DISTINCT FROM ") + expr(d.right(), true) + ")";
            case TypedExpr.Case c -> caseExpr(c);
            case TypedExpr.CaseTest t -> "CASE_TEST";
            case TypedExpr.SqlValue v -> v.op().name().replace("_N", "");
            case TypedExpr.WindowFunc w -> WindowSpec.deparse(w, x -> expr(x, true));
            case TypedExpr.Subscript s -> expr(s.array(), true) + "[" + expr(s.index(), true) + "]";
            case TypedExpr.UpperAggref u -> expr(u.agg(), false);
            case TypedExpr.FieldSelect f -> "(" + expr(f.arg(), true) + ")." + f.name();
            case TypedExpr.Aggref a -> a.aggregate().name() + "(" + (a.star() ? "*"
                    : (a.distinct() ? "DISTINCT " : "") + list(a.args())) + ")"
                    + (a.filter() == null ? "" : " FILTER (WHERE " + expr(a.filter(), false) + ")");
            case TypedExpr.SubLink s -> subLink(s);
        };
    }

    private String call(String name, List<TypedExpr> args) {
        return quoteIdent(name) + "(" + list(args) + ")";
    }

    private String list(List<TypedExpr> es) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < es.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(expr(es.get(i), true));
        }
        return sb.toString();
    }

    private String join(List<TypedExpr> es, String sep) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < es.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(expr(es.get(i), false));
        }
        return sb.append(')').toString();
    }

    /** get_coercion_expr: {@code (arg)::type}, or the argument alone for an implicit cast at the top. */
    private String cast(TypedExpr arg, int type, int typmod, TypedExpr.Form form, boolean showImplicit) {
        if (form == TypedExpr.Form.IMPLICIT_CAST && !showImplicit) {
            return expr(arg, false);
        }
        String t = TypeNames.format(type, typmod);
        if (arg instanceof TypedExpr.Const c && c.type() == type && c.typmod() < 0) {
            return constant(c, false) + "::" + t;
        }
        return "(" + expr(arg, false) + ")::" + t;
    }

    /** get_const_expr. */
    static String constant(TypedExpr.Const c, boolean label) {
        if (c.value() == null) {
            return label && c.type() != TypeOids.UNKNOWN ? "NULL::" + TypeNames.format(c.type(), c.typmod()) : "NULL";
        }
        String text = TypeIo.textOut(c.type(), c.value(), SessionFormats.DEFAULT);
        boolean needLabel;
        String out;
        switch (c.type()) {
            case TypeOids.INT4 -> {
                needLabel = text.startsWith("-");
                out = needLabel ? literal(text) : text;
            }
            case TypeOids.NUMERIC -> {
                boolean plain = Character.isDigit(text.charAt(0)) && text.matches(".*[eE.].*");
                needLabel = !plain || c.typmod() >= 0;
                out = plain ? text : literal(text);
            }
            case TypeOids.BOOL -> {
                needLabel = false;
                out = Boolean.TRUE.equals(c.value()) ? "true" : "false";
            }
            case TypeOids.UNKNOWN -> {
                needLabel = false;
                out = literal(text);
            }
            default -> {
                needLabel = true;
                out = literal(text);
            }
        }
        return needLabel && label ? out + "::" + TypeNames.format(c.type(), c.typmod()) : out;
    }

    private String caseExpr(TypedExpr.Case c) {
        StringBuilder sb = new StringBuilder("CASE");
        if (c.arg() != null) {
            sb.append(' ').append(expr(c.arg(), true));
        }
        for (TypedExpr.When w : c.whens()) {
            TypedExpr cond = w.condition();
            String ct = c.arg() != null && cond instanceof TypedExpr.Op o ? expr(o.right(), true) : expr(cond, false);
            sb.append(" WHEN ").append(ct).append(" THEN ").append(expr(w.result(), true));
        }
        if (c.elseExpr() != null) {
            sb.append(" ELSE ").append(expr(c.elseExpr(), true));
        }
        return sb.append(" END").toString();
    }

    private String subLink(TypedExpr.SubLink s) {
        String q = "(" + (queries != null ? queries : new QueryDeparser()).query(s.subquery(), 0) + ")";
        return switch (s.kind()) {
            case EXISTS -> "(EXISTS " + q + ")";
            case EXPR -> q;
            case ARRAY -> "ARRAY" + q;
            case ANY, ALL -> "(" + list(s.testExprs()) + " " + s.operators().get(0).name()
                    + (s.kind() == TypedExpr.SubLinkKind.ANY ? " ANY " : " ALL ") + q + ")";
        };
    }
}
