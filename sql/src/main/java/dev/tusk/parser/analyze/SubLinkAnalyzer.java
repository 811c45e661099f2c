package dev.tusk.parser.analyze;

import dev.tusk.nodes.RowExpr;
import dev.tusk.nodes.SubLink;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.fmgr.OperatorDef;
import java.util.ArrayList;
import java.util.List;

/** Subqueries in expressions (PostgreSQL's transformSubLink): EXISTS, scalar, ARRAY(), IN/ANY/ALL. */
final class SubLinkAnalyzer {
    private final Analyzer a;

    SubLinkAnalyzer(Analyzer a) {
        this.a = a;
    }

    TypedExpr transform(SubLink s, ParseState ps) {
        int loc = s.location();
        switch (ps.exprKind) {
            case COLUMN_DEFAULT -> throw AnalyzeErrors.at(SqlState.FEATURE_NOT_SUPPORTED,
                    "cannot use subquery in DEFAULT expression", loc);
            case CHECK_CONSTRAINT -> throw AnalyzeErrors.at(SqlState.FEATURE_NOT_SUPPORTED,
                    "cannot use subquery in check constraint", loc);
            case GENERATED_COLUMN -> throw AnalyzeErrors.at(SqlState.FEATURE_NOT_SUPPORTED,
                    "cannot use subquery in column generation expression", loc);
            default -> {
            }
        }
        Query q = a.analyzeSubquery(s.subselect(), ps);
        List<TargetEntry> cols = q.resultTargets();
        return switch (s.subLinkType()) {
            case EXISTS -> new TypedExpr.SubLink(TypedExpr.SubLinkKind.EXISTS, q, List.of(), List.of(),
                    TypeOids.BOOL, loc);
            case EXPR -> {
                single(cols, loc);
                yield new TypedExpr.SubLink(TypedExpr.SubLinkKind.EXPR, q, List.of(), List.of(),
                        cols.get(0).expr().type(), loc);
            }
            case ARRAY -> {
                single(cols, loc);
                yield new TypedExpr.SubLink(TypedExpr.SubLinkKind.ARRAY, q, List.of(), List.of(),
                        Coercion.arrayTypeOf(cols.get(0).expr().type(), loc), loc);
            }
            case ANY, ALL -> anyAll(s, q, ps);
            default -> throw AnalyzeErrors.unsupported("this kind of subquery", loc);
        };
    }

    private static void single(List<TargetEntry> cols, int loc) {
        if (cols.size() != 1) {
            throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "subquery must return only one column", loc);
        }
    }

    private TypedExpr anyAll(SubLink s, Query q, ParseState ps) {
        int loc = s.location();
        List<TypedExpr> left = s.testexpr() instanceof RowExpr r ? a.exprs().transformAll(r.args(), ps)
                : List.of(a.exprs().transform(s.testexpr(), ps));
        List<TargetEntry> cols = q.resultTargets();
        if (cols.size() > left.size()) {
            throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "subquery has too many columns", loc);
        }
        if (cols.size() < left.size()) {
            throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "subquery has too few columns", loc);
        }
        String opName = s.operName().isEmpty() ? "=" : s.operName().get(s.operName().size() - 1);
        List<TypedExpr> tests = new ArrayList<>();
        List<OperatorDef> ops = new ArrayList<>();
        List<TargetEntry> newTargets = new ArrayList<>(q.targets());
        OperatorAnalyzer oa = new OperatorAnalyzer(a);
        for (int i = 0; i < left.size(); i++) {
            TargetEntry te = cols.get(i);
            // Resolve against a stand-in of the subquery column's type, then coerce both sides.
            TypedExpr stand = new TypedExpr.Param(-1, te.expr().type(), -1);
            TypedExpr.Op op = (TypedExpr.Op) oa.makeOp(opName, left.get(i), stand, loc);
            if (op.type() != TypeOids.BOOL) {
                throw AnalyzeErrors.at(SqlState.DATATYPE_MISMATCH, "operator " + opName
                        + " must return type boolean, not type " + dev.tusk.utils.adt.TypeNames.format(op.type()), loc);
            }
            tests.add(op.left());
            ops.add(op.operator());
            int rtype = op.operator().right();
            if (rtype != te.expr().type() && rtype != 0 && !TypeOids.isPolymorphic(rtype)) {
                int idx = q.targets().indexOf(te);
                newTargets.set(idx, te.withExpr(a.coercion().implicit(te.expr(), rtype, loc)));
            }
        }
        Query nq = new Query(q.rtable(), q.from(), q.where(), newTargets, q.groupBy(), q.having(), q.hasAggs(),
                q.orderBy(), q.distinct(), q.distinctOn(), q.limit(), q.offset(), q.setOp(), q.ctes());
        return new TypedExpr.SubLink(s.subLinkType() == SubLink.Type.ANY ? TypedExpr.SubLinkKind.ANY
                : TypedExpr.SubLinkKind.ALL, nq, tests, ops, TypeOids.BOOL, loc);
    }
}
