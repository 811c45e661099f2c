package dev.tusk.parser.analyze;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A query back to SQL in pg_get_viewdef's layout (ruleutils.c get_query_def), re-parseable by our parser. */
final class QueryDeparser {
    private final Deque<Query> stack = new ArrayDeque<>();

    String query(Query q, int indent) {
        stack.push(q);
        try {
            StringBuilder sb = new StringBuilder();
            if (!q.ctes().isEmpty()) {
                sb.append("WITH ");
                for (int i = 0; i < q.ctes().size(); i++) {
                    CteDef c = q.ctes().get(i);
                    sb.append(i > 0 ? ", " : "").append(Deparser.quoteIdent(c.name())).append(" AS (")
                            .append(new QueryDeparser().query(c.query(), 0)).append(")");
                }
                sb.append('\n');
            }
            if (q.setOp() != null) {
                sb.append(setOp(q.setOp()));
            } else if (isPlainValues(q)) {
                sb.append(values((Rte.Values) q.rtable().get(0)));
            } else {
                select(q, sb);
            }
            if (!q.orderBy().isEmpty()) {
                sb.append("\n  ORDER BY ");
                for (int i = 0; i < q.orderBy().size(); i++) {
                    SortItem s = q.orderBy().get(i);
                    sb.append(i > 0 ? ", " : "").append(expr(s.expr()));
                    if (s.descending()) {
                        sb.append(" DESC");
                    }
                    if (s.nullsFirst() != s.descending()) {
                        sb.append(s.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
                    }
                }
            }
            if (q.offset() != null) {
                sb.append("\n OFFSET ").append(expr(q.offset()));
            }
            if (q.limit() != null) {
                sb.append("\n LIMIT ").append(expr(q.limit()));
            }
            return sb.toString();
        } finally {
            stack.pop();
        }
    }

    private static boolean isPlainValues(Query q) {
        return q.rtable().size() == 1 && q.rtable().get(0) instanceof Rte.Values && q.where() == null
                && q.from().size() == 1;
    }

    private void select(Query q, StringBuilder sb) {
        sb.append(" SELECT ");
        if (!q.distinctOn().isEmpty()) {
            sb.append("DISTINCT ON (").append(exprs(q.distinctOn())).append(") ");
        } else if (q.distinct()) {
            sb.append("DISTINCT ");
        }
        List<TargetEntry> ts = q.resultTargets();
        for (int i = 0; i < ts.size(); i++) {
            TargetEntry t = ts.get(i);
            sb.append(i > 0 ? ",\n    " : "").append(expr(t.expr()));
            if (!(t.expr() instanceof TypedExpr.Var v && t.name() != null && t.name().equals(colName(v)))) {
                sb.append(" AS ").append(Deparser.quoteIdent(t.name()));
            }
        }
        if (!q.from().isEmpty()) {
            sb.append("\n   FROM ");
            for (int i = 0; i < q.from().size(); i++) {
                sb.append(i > 0 ? ",\n    " : "").append(fromItem(q, q.from().get(i)));
            }
        }
        if (q.where() != null) {
            sb.append("\n  WHERE ").append(expr(q.where()));
        }
        if (!q.groupBy().isEmpty()) {
            sb.append("\n  GROUP BY ").append(exprs(q.groupBy()));
        }
        if (q.having() != null) {
            sb.append("\n HAVING ").append(expr(q.having()));
        }
    }

    private String values(Rte.Values v) {
        StringBuilder sb = new StringBuilder("VALUES ");
        for (int i = 0; i < v.rows().size(); i++) {
            sb.append(i > 0 ? "," : "").append('(').append(exprs(v.rows().get(i))).append(')');
        }
        return sb.toString();
    }

    private String setOp(SetOpTree t) {
        return switch (t) {
            case SetOpTree.Leaf l -> {
                String s = new QueryDeparser().query(l.query(), 0);
                yield l.query().setOp() != null || !l.query().orderBy().isEmpty() || l.query().limit() != null
                        ? "(" + s + ")" : s;
            }
            case SetOpTree.Node n -> setOp(n.left()) + "\n" + n.op().name() + (n.all() ? " ALL" : "") + "\n"
                    + setOp(n.right());
        };
    }

    private String fromItem(Query q, JoinTree t) {
        return switch (t) {
            case JoinTree.Ref r -> rte(q.rtable().get(r.rtIndex()));
            case JoinTree.Join j -> {
                String kind = switch (j.kind()) {
                    case LEFT -> " LEFT JOIN ";
                    case RIGHT -> " RIGHT JOIN ";
                    case FULL -> " FULL JOIN ";
                    default -> j.quals() == null ? " CROSS JOIN " : " JOIN ";
                };
                String s = "(" + fromItem(q, j.left()) + kind + fromItem(q, j.right())
                        + (j.quals() == null ? "" : " ON " + expr(j.quals())) + ")";
                Rte jr = q.rtable().get(j.rtIndex());
                yield jr.alias() == null ? s : s + " " + Deparser.quoteIdent(jr.alias());
            }
        };
    }

    private String rte(Rte r) {
        return switch (r) {
            case Rte.Relation rel -> {
                String name = Deparser.quoteIdent(rel.relation().name());
                yield rel.alias().equals(rel.relation().name()) ? name : name + " " + Deparser.quoteIdent(rel.alias());
            }
            case Rte.Subquery s -> "( " + new QueryDeparser().query(s.query(), 0).strip() + ") "
                    + Deparser.quoteIdent(s.alias());
            case Rte.Values v -> "(" + values(v) + ") " + Deparser.quoteIdent(v.alias());
            case Rte.Function f -> Deparser.withNames(this::varName, this).expr(f.call(), false) + " "
                    + Deparser.quoteIdent(f.alias()) + "(" + String.join(", ",
                    f.colNames().stream().map(Deparser::quoteIdent).toList()) + ")";
            case Rte.CteRef c -> c.alias().equals(c.cte().name()) ? Deparser.quoteIdent(c.alias())
                    : Deparser.quoteIdent(c.cte().name()) + " " + Deparser.quoteIdent(c.alias());
            case Rte.JoinRte j -> "?";
            case Rte.SetOpResult s -> "?";
        };
    }

    private String exprs(List<TypedExpr> es) {
        List<String> out = new ArrayList<>();
        for (TypedExpr e : es) {
            out.add(expr(e));
        }
        return String.join(", ", out);
    }

    private String expr(TypedExpr e) {
        return Deparser.withNames(this::varName, this).expr(e, false);
    }

    private String colName(TypedExpr.Var v) {
        Query q = level(v.levelsUp());
        if (v.attno() <= 0) {
            return "ctid";
        }
        return q.rtable().get(v.rtIndex()).colNames().get(v.attno() - 1);
    }

    private String varName(TypedExpr.Var v) {
        Query q = level(v.levelsUp());
        Rte r = q.rtable().get(v.rtIndex());
        String col = Deparser.quoteIdent(colName(v));
        return r.alias() == null ? col : Deparser.quoteIdent(r.alias()) + "." + col;
    }

    private Query level(int up) {
        int i = 0;
        for (Query q : stack) {
            if (i++ == up) {
                return q;
            }
        }
        throw new IllegalStateException("no query " + up + " levels up");
    }
}
