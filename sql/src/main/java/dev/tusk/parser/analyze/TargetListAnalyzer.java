package dev.tusk.parser.analyze;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.AExpr;
import dev.tusk.nodes.AIndirection;
import dev.tusk.nodes.ArrayExpr;
import dev.tusk.nodes.CaseExpr;
import dev.tusk.nodes.CoalesceExpr;
import dev.tusk.nodes.CollateClause;
import dev.tusk.nodes.ColumnRef;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.FuncCall;
import dev.tusk.nodes.IndirectionItem;
import dev.tusk.nodes.MinMaxExpr;
import dev.tusk.nodes.ResTarget;
import dev.tusk.nodes.RowExpr;
import dev.tusk.nodes.SQLValueFunction;
import dev.tusk.nodes.SubLink;
import dev.tusk.nodes.TypeCast;
import dev.tusk.utils.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The select list (PostgreSQL's parse_target.c): {@code *} and {@code t.*} expansion, result column naming
 * (FigureColname: {@code ?column?}, the column, function or type name...), unknown-type outputs resolved to
 * text, and the source table/column of plain column references for RowDescription.
 */
final class TargetListAnalyzer {
    private final Analyzer a;

    TargetListAnalyzer(Analyzer a) {
        this.a = a;
    }

    List<TargetEntry> transform(List<ResTarget> targets, ParseState ps, ExprKind kind) {
        List<TargetEntry> out = new ArrayList<>();
        ExprKind saved = ps.exprKind;
        ps.exprKind = kind;
        try {
            for (ResTarget rt : targets) {
                if (rt.val() instanceof ColumnRef c && c.star()) {
                    expandStar(c, ps, out);
                    continue;
                }
                TypedExpr e = a.exprs().transform(rt.val(), ps);
                if (!ps.keepUnknownOutputs) {
                    e = a.coercion().resolveUnknown(e);
                }
                String name = rt.name() != null ? rt.name() : figureColname(rt.val());
                out.add(withOrigin(new TargetEntry(e, name, false, 0, 0), ps));
            }
        } finally {
            ps.exprKind = saved;
        }
        return out;
    }

    private void expandStar(ColumnRef c, ParseState ps, List<TargetEntry> out) {
        if (c.names().isEmpty()) {
            boolean any = false;
            for (NsItem item : ps.namespace) {
                if (item.colsVisible()) {
                    addColumns(item, ps, out);
                    any = true;
                }
            }
            if (!any) {
                throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "SELECT * with no tables specified is not valid",
                        c.location());
            }
            return;
        }
        String table = c.names().get(c.names().size() - 1);
        String schema = c.names().size() > 1 ? c.names().get(c.names().size() - 2) : null;
        int levels = 0;
        for (ParseState p = ps; p != null; p = p.parent, levels++) {
            NsItem item = ColumnResolver.findRel(p, schema, table, c.location());
            if (item == null) {
                continue;
            }
            if (levels == 0) {
                addColumns(item, ps, out);
            } else {
                // t.* of an enclosing level (a LATERAL or correlated subquery): outer references
                for (int i = 0; i < item.colNames().size(); i++) {
                    String n = item.colNames().get(i);
                    if (n != null) {
                        out.add(new TargetEntry(ExprTrees.incrementLevels(item.colExprs().get(i), levels), n, false,
                                0, 0));
                    }
                }
            }
            return;
        }
        throw ColumnResolver.missingTable(ps, table, c.location());
    }

    private void addColumns(NsItem item, ParseState ps, List<TargetEntry> out) {
        for (int i = 0; i < item.colNames().size(); i++) {
            String n = item.colNames().get(i);
            if (n != null) {
                out.add(withOrigin(new TargetEntry(item.colExprs().get(i), n, false, 0, 0), ps));
            }
        }
    }

    /** markTargetListOrigin: a plain column of a table (directly, or through a subquery or view). */
    static TargetEntry withOrigin(TargetEntry te, ParseState ps) {
        if (te.expr() instanceof TypedExpr.Var v && v.levelsUp() == 0 && v.attno() > 0) {
            Rte rte = ps.rtable.get(v.rtIndex());
            if (rte instanceof Rte.Relation r) {
                return new TargetEntry(te.expr(), te.name(), te.junk(), r.relation().oid(), v.attno());
            }
            if (rte instanceof Rte.Subquery s) {
                List<TargetEntry> inner = s.query().resultTargets();
                if (v.attno() <= inner.size()) {
                    TargetEntry src = inner.get(v.attno() - 1);
                    return new TargetEntry(te.expr(), te.name(), te.junk(), src.tableOid(), src.columnNumber());
                }
            }
        }
        return te;
    }

    /** FigureColname: the output name PostgreSQL derives from an expression. */
    static String figureColname(Expr e) {
        String n = figure(e);
        return n == null ? "?column?" : n;
    }

    private static String figure(Expr e) {
        return switch (e) {
            case ColumnRef c -> c.names().isEmpty() ? null : c.names().get(c.names().size() - 1);
            case AIndirection i -> {
                for (int k = i.indirection().size() - 1; k >= 0; k--) {
                    if (i.indirection().get(k) instanceof IndirectionItem.Field f) {
                        yield f.name();
                    }
                }
                yield figure(i.arg());
            }
            case FuncCall f -> f.simpleName();
            case TypeCast c -> {
                String inner = figure(c.arg());
                yield inner != null ? inner : c.typeName().simpleName();
            }
            case CollateClause c -> figure(c.arg());
            case CaseExpr c -> {
                String r = c.defresult() == null ? null : figure(c.defresult());
                yield r != null ? r : "case";
            }
            case AExpr x when x.kind() == AExpr.Kind.NULLIF -> "nullif";
            case CoalesceExpr c -> "coalesce";
            case MinMaxExpr m -> m.op() == MinMaxExpr.Op.GREATEST ? "greatest" : "least";
            case ArrayExpr x -> "array";
            case RowExpr r -> "row";
            case SQLValueFunction f -> sqlValueName(f.op());
            case SubLink s -> switch (s.subLinkType()) {
                case EXISTS -> "exists";
                case ARRAY -> "array";
                case EXPR -> {
                    var tl = s.subselect().targetList();
                    if (tl.size() == 1) {
                        var t = tl.get(0);
                        yield t.name() != null ? t.name() : figure(t.val());
                    }
                    yield null;
                }
                default -> null;
            };
            case AConst c -> null;
            default -> null;
        };
    }

    private static String sqlValueName(SQLValueFunction.Op op) {
        return switch (op) {
            case CURRENT_TIME_N -> "current_time";
            case CURRENT_TIMESTAMP_N -> "current_timestamp";
            case LOCALTIME_N -> "localtime";
            case LOCALTIMESTAMP_N -> "localtimestamp";
            default -> op.name().toLowerCase(Locale.ROOT);
        };
    }
}
