package dev.tusk.parser.analyze;

import dev.tusk.nodes.AExpr;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.ExprList;
import dev.tusk.nodes.RowExpr;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.adt.TypeRegistry;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.OperatorMatch;
import dev.tusk.utils.fmgr.OperatorRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Operator expressions (PostgreSQL's parse_oper.c make_op and parse_expr.c's transformAExpr* family):
 * operator resolution through the registry with the operands coerced to the chosen signature, IN lists as
 * {@code = ANY (ARRAY[...])}, BETWEEN as a conjunction, IS [NOT] DISTINCT FROM, NULLIF, LIKE/ILIKE.
 */
final class OperatorAnalyzer {
    private final Analyzer a;
    private final Coercion coerce;

    OperatorAnalyzer(Analyzer a) {
        this.a = a;
        this.coerce = a.coercion();
    }

    TypedExpr transform(AExpr x, ParseState ps) {
        ExprAnalyzer ex = a.exprs();
        String op = x.opName();
        int loc = x.location();
        return switch (x.kind()) {
            case OP, LIKE, ILIKE, SIMILAR -> {
                if (x.lexpr() instanceof RowExpr l && x.rexpr() instanceof RowExpr r) {
                    yield rowCompare(op, ex.transformAll(l.args(), ps), ex.transformAll(r.args(), ps), loc);
                }
                TypedExpr left = x.lexpr() == null ? null : ex.transform(x.lexpr(), ps);
                yield makeOp(op, left, ex.transform(x.rexpr(), ps), loc);
            }
            case OP_ANY, OP_ALL -> scalarArray(op, ex.transform(x.lexpr(), ps), ex.transform(x.rexpr(), ps),
                    x.kind() == AExpr.Kind.OP_ANY, loc);
            case DISTINCT, NOT_DISTINCT -> {
                TypedExpr.Op eq = (TypedExpr.Op) makeOp("=", ex.transform(x.lexpr(), ps),
                        ex.transform(x.rexpr(), ps), loc);
                yield new TypedExpr.Distinct(eq.operator(), eq.left(), eq.right(),
                        x.kind() == AExpr.Kind.NOT_DISTINCT);
            }
            case NULLIF -> {
                TypedExpr l = ex.transform(x.lexpr(), ps);
                TypedExpr.Op eq = (TypedExpr.Op) makeOp("=", l, ex.transform(x.rexpr(), ps), loc);
                yield new TypedExpr.NullIf(eq.operator(), eq.left(), eq.right(), eq.left().type());
            }
            case IN -> in(op, x, ps);
            case BETWEEN, NOT_BETWEEN, BETWEEN_SYM, NOT_BETWEEN_SYM -> between(x, ps);
        };
    }

    /** make_op: resolves {@code left name right} and coerces the operands (42883 with hint when none). */
    TypedExpr makeOp(String name, TypedExpr left, TypedExpr right, int loc) {
        int lt = left == null ? 0 : left.type();
        OperatorMatch m;
        try {
            m = OperatorRegistry.builtin().resolve(name, lt, right.type());
        } catch (TuskException e) {
            throw AnalyzeErrors.withPosition(e, loc);
        }
        if (m == null) {
            throw OperatorRegistry.noSuchOperator(name, lt, right.type(), loc + 1);
        }
        TypedExpr l = left == null ? null : coerce.implicit(left, m.leftType(), loc);
        TypedExpr r = coerce.implicit(right, m.rightType(), loc);
        return new TypedExpr.Op(m.operator(), l, r, m.resultType(), loc);
    }

    /** {@code (a, b) = (x, y)}: pairwise = joined by AND ({@code <>}: OR of <>). */
    private TypedExpr rowCompare(String op, List<TypedExpr> l, List<TypedExpr> r, int loc) {
        if (l.size() != r.size()) {
            throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR, "unequal number of entries in row expressions", loc);
        }
        if (op.equals("<") || op.equals("<=") || op.equals(">") || op.equals(">=")) {
            // make_row_comparison_op: the first unequal pair decides; NULL in a deciding pair gives NULL.
            // a < c OR (a = c AND (rest)) keeps exactly those semantics.
            String strict = op.substring(0, 1);
            TypedExpr result = makeOp(op, l.get(l.size() - 1), r.get(r.size() - 1), loc);
            for (int i = l.size() - 2; i >= 0; i--) {
                TypedExpr lt = makeOp(strict, l.get(i), r.get(i), loc);
                TypedExpr eq = makeOp("=", l.get(i), r.get(i), loc);
                result = new TypedExpr.Bool(TypedExpr.BoolKind.OR,
                        List.of(lt, new TypedExpr.Bool(TypedExpr.BoolKind.AND, List.of(eq, result))));
            }
            return result;
        }
        if (!op.equals("=") && !op.equals("<>")) {
            throw AnalyzeErrors.at(SqlState.UNDEFINED_FUNCTION,
                    "could not determine interpretation of row comparison operator " + op, loc);
        }
        List<TypedExpr> parts = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            parts.add(makeOp(op, l.get(i), r.get(i), loc));
        }
        return parts.size() == 1 ? parts.get(0)
                : new TypedExpr.Bool(op.equals("=") ? TypedExpr.BoolKind.AND : TypedExpr.BoolKind.OR, parts);
    }

    /** {@code left op ANY/ALL (array)}. */
    TypedExpr scalarArray(String op, TypedExpr left, TypedExpr array, boolean any, int loc) {
        int at = array.type();
        int elem = at == TypeOids.UNKNOWN ? TypeOids.UNKNOWN : TypeRegistry.builtin().elementOf(at);
        if (at != TypeOids.UNKNOWN && elem == 0) {
            throw AnalyzeErrors.at(SqlState.WRONG_OBJECT_TYPE, "op ANY/ALL (array) requires array on right side",
                    loc);
        }
        OperatorMatch m = OperatorRegistry.builtin().resolve(op, left.type(), elem);
        if (m == null) {
            throw OperatorRegistry.noSuchOperator(op, left.type(), elem, loc + 1);
        }
        if (m.resultType() != TypeOids.BOOL) {
            throw AnalyzeErrors.at(SqlState.WRONG_OBJECT_TYPE, "op ANY/ALL (array) requires operator to yield boolean",
                    loc);
        }
        TypedExpr l = coerce.implicit(left, m.leftType(), loc);
        TypedExpr r = coerce.implicit(array, Coercion.arrayTypeOf(m.rightType(), loc), loc);
        return new TypedExpr.ScalarArrayOp(m.operator(), any, l, r);
    }

    /** transformAExprIn: {@code a IN (x, y)} as {@code a = ANY (ARRAY[x, y])} when one type fits all, else ORs. */
    private TypedExpr in(String op, AExpr x, ParseState ps) {
        ExprAnalyzer ex = a.exprs();
        int loc = x.location();
        List<Expr> items = ((ExprList) x.rexpr()).items();
        boolean useOr = op.equals("=");
        if (x.lexpr() instanceof RowExpr lr) {
            List<TypedExpr> parts = new ArrayList<>();
            for (Expr item : items) {
                if (!(item instanceof RowExpr rr)) {
                    throw AnalyzeErrors.unsupported("row IN with non-row items", loc);
                }
                parts.add(rowCompare(op, ex.transformAll(lr.args(), ps), ex.transformAll(rr.args(), ps), loc));
            }
            return combine(parts, useOr);
        }
        TypedExpr left = ex.transform(x.lexpr(), ps);
        List<TypedExpr> rights = ex.transformAll(items, ps);
        boolean constantList = rights.stream().noneMatch(ExprTrees::hasLocalVars);
        if (constantList && rights.size() > 1) {
            List<TypedExpr> all = new ArrayList<>();
            all.add(left);
            all.addAll(rights);
            int common;
            try {
                common = coerce.commonType(all, "IN", loc);
            } catch (TuskException e) {
                common = 0;
            }
            if (common != 0 && common != TypeOids.RECORD && TypeRegistry.builtin().arrayOf(common) != 0) {
                List<TypedExpr> els = coerce.coerceAll(rights, common, "IN", loc);
                TypedExpr arr = new TypedExpr.ArrayBuild(common, TypeRegistry.builtin().arrayOf(common), els);
                return scalarArray(op, coerce.implicit(left, common, loc), arr, useOr, loc);
            }
        }
        List<TypedExpr> parts = new ArrayList<>();
        for (TypedExpr r : rights) {
            parts.add(makeOp(op, left, r, loc));
        }
        return combine(parts, useOr);
    }

    private static TypedExpr combine(List<TypedExpr> parts, boolean useOr) {
        return parts.size() == 1 ? parts.get(0)
                : new TypedExpr.Bool(useOr ? TypedExpr.BoolKind.OR : TypedExpr.BoolKind.AND, parts);
    }

    /** BETWEEN [SYMMETRIC] as comparisons joined by AND/OR (as PostgreSQL's transformAExprBetween). */
    private TypedExpr between(AExpr x, ParseState ps) {
        ExprAnalyzer ex = a.exprs();
        int loc = x.location();
        List<Expr> bounds = ((ExprList) x.rexpr()).items();
        TypedExpr v = ex.transform(x.lexpr(), ps);
        TypedExpr lo = ex.transform(bounds.get(0), ps);
        TypedExpr hi = ex.transform(bounds.get(1), ps);
        return switch (x.kind()) {
            case BETWEEN -> and(makeOp(">=", v, lo, loc), makeOp("<=", v, hi, loc));
            case NOT_BETWEEN -> or(makeOp("<", v, lo, loc), makeOp(">", v, hi, loc));
            case BETWEEN_SYM -> or(and(makeOp(">=", v, lo, loc), makeOp("<=", v, hi, loc)),
                    and(makeOp(">=", v, hi, loc), makeOp("<=", v, lo, loc)));
            default -> and(or(makeOp("<", v, lo, loc), makeOp(">", v, hi, loc)),
                    or(makeOp("<", v, hi, loc), makeOp(">", v, lo, loc)));
        };
    }

    private static TypedExpr and(TypedExpr l, TypedExpr r) {
        return new TypedExpr.Bool(TypedExpr.BoolKind.AND, List.of(l, r));
    }

    private static TypedExpr or(TypedExpr l, TypedExpr r) {
        return new TypedExpr.Bool(TypedExpr.BoolKind.OR, List.of(l, r));
    }
}
