package dev.tusk.parser.analyze;

import dev.tusk.catalog.ProcOutParams;
import dev.tusk.nodes.AConst;
import dev.tusk.nodes.AExpr;
import dev.tusk.nodes.AIndices;
import dev.tusk.nodes.AIndirection;
import dev.tusk.nodes.ArrayExpr;
import dev.tusk.nodes.BoolExpr;
import dev.tusk.nodes.BooleanTest;
import dev.tusk.nodes.CaseExpr;
import dev.tusk.nodes.CaseWhen;
import dev.tusk.nodes.CoalesceExpr;
import dev.tusk.nodes.CollateClause;
import dev.tusk.nodes.ColumnRef;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.FuncCall;
import dev.tusk.nodes.IndirectionItem;
import dev.tusk.nodes.MinMaxExpr;
import dev.tusk.nodes.NullTest;
import dev.tusk.nodes.ParamRef;
import dev.tusk.nodes.RowExpr;
import dev.tusk.nodes.SQLValueFunction;
import dev.tusk.nodes.SetToDefault;
import dev.tusk.nodes.SubLink;
import dev.tusk.nodes.TypeCast;
import dev.tusk.utils.adt.TypeIo;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.adt.TypeRegistry;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;

/** Raw expression to analyzed expression (PostgreSQL's parse_expr.c transformExpr). */
final class ExprAnalyzer {
    private final Analyzer a;
    private final Coercion coerce;

    ExprAnalyzer(Analyzer a) {
        this.a = a;
        this.coerce = a.coercion();
    }

    TypedExpr transform(Expr e, ParseState ps) {
        return switch (e) {
            case ColumnRef c -> new ColumnResolver(a).resolve(c, ps);
            case AConst c -> constant(c);
            case ParamRef p -> new TypedExpr.Param(p.number(), a.params().typeOf(p.number(), p.location()),
                    p.location());
            case TypeCast c -> typeCast(c, ps);
            case AExpr x -> new OperatorAnalyzer(a).transform(x, ps);
            case BoolExpr b -> bool(b, ps);
            case NullTest n -> new TypedExpr.NullTest(transform(n.arg(), ps), n.isNull());
            case BooleanTest b -> new TypedExpr.BoolTest(coerce.toBoolean(transform(b.arg(), ps),
                    booleanTestName(b.testType()), b.location()), b.testType());
            case FuncCall f -> new FuncAnalyzer(a).transform(f, ps);
            case CaseExpr c -> caseExpr(c, ps);
            case CoalesceExpr c -> {
                List<TypedExpr> args = transformAll(c.args(), ps);
                int t = coerce.commonType(args, "COALESCE", c.location());
                yield new TypedExpr.Coalesce(coerce.coerceAll(args, t, "COALESCE", c.location()), t, -1);
            }
            case MinMaxExpr m -> {
                List<TypedExpr> args = transformAll(m.args(), ps);
                String name = m.op() == MinMaxExpr.Op.GREATEST ? "GREATEST" : "LEAST";
                int t = coerce.commonType(args, name, m.location());
                yield new TypedExpr.MinMax(m.op() == MinMaxExpr.Op.GREATEST,
                        coerce.coerceAll(args, t, name, m.location()), t, -1);
            }
            case ArrayExpr x -> array(x, ps);
            case RowExpr r -> {
                // ROW(t.*) spreads t's columns into the row (transformRowExpr's expandRecordVariable)
                List<TypedExpr> fields = new ArrayList<>();
                for (Expr arg : r.args()) {
                    TypedExpr t = transform(arg, ps);
                    if (arg instanceof ColumnRef c && c.star() && t instanceof TypedExpr.Row inner) {
                        fields.addAll(inner.args());
                    } else {
                        fields.add(t);
                    }
                }
                yield new TypedExpr.Row(fields);
            }
            case SQLValueFunction f -> sqlValue(f);
            case SubLink s -> new SubLinkAnalyzer(a).transform(s, ps);
            case AIndirection i -> indirection(i, ps);
            case CollateClause c -> transform(c.arg(), ps);
            case SetToDefault d -> throw AnalyzeErrors.at(SqlState.SYNTAX_ERROR,
                    "DEFAULT is not allowed in this context", d.location());
            default -> throw AnalyzeErrors.at(SqlState.FEATURE_NOT_SUPPORTED,
                    "expression " + e.getClass().getSimpleName() + " is not supported", e.location());
        };
    }

    List<TypedExpr> transformAll(List<Expr> es, ParseState ps) {
        List<TypedExpr> out = new ArrayList<>(es.size());
        for (Expr e : es) {
            out.add(transform(e, ps));
        }
        return out;
    }

    private TypedExpr constant(AConst c) {
        int loc = c.location();
        return switch (c.value()) {
            case AConst.Literal.Int i -> new TypedExpr.Const(TypeOids.INT4, -1, i.value(), loc);
            case AConst.Literal.BigInt i -> new TypedExpr.Const(TypeOids.INT8, -1, i.value(), loc);
            case AConst.Literal.Numeric n -> {
                try {
                    yield new TypedExpr.Const(TypeOids.NUMERIC, -1,
                            TypeIo.textIn(TypeOids.NUMERIC, n.text(), -1, a.formats()), loc);
                } catch (TuskException ex) {
                    throw AnalyzeErrors.withPosition(ex, loc);
                }
            }
            case AConst.Literal.Str s -> new TypedExpr.Const(TypeOids.UNKNOWN, -1, s.value(), loc);
            case AConst.Literal.Bool b -> new TypedExpr.Const(TypeOids.BOOL, -1, b.value(), loc);
            case AConst.Literal.Null n -> new TypedExpr.Const(TypeOids.UNKNOWN, -1, null, loc);
            case AConst.Literal.BitStr b -> throw AnalyzeErrors.unsupported("bit string literal", loc);
        };
    }

    private TypedExpr typeCast(TypeCast c, ParseState ps) {
        TypedExpr arg = transform(c.arg(), ps);
        TypeResolver.Resolved t = TypeResolver.resolve(c.typeName(), a);
        if (arg instanceof TypedExpr.ArrayBuild ab && ab.elements().isEmpty()) {
            int elem = TypeRegistry.builtin().elementOf(t.oid());
            if (elem != 0) {
                return new TypedExpr.ArrayBuild(elem, t.oid(), List.of());
            }
        }
        int loc = c.location() >= 0 ? c.location() : c.typeName().location();
        return coerce.explicitCast(arg, t.oid(), t.typmod(), loc);
    }

    private TypedExpr bool(BoolExpr b, ParseState ps) {
        String name = switch (b.op()) {
            case AND -> "AND";
            case OR -> "OR";
            case NOT -> "NOT";
        };
        List<TypedExpr> args = new ArrayList<>();
        for (Expr x : b.args()) {
            args.add(coerce.toBoolean(transform(x, ps), name, x.location()));
        }
        TypedExpr.BoolKind kind = switch (b.op()) {
            case AND -> TypedExpr.BoolKind.AND;
            case OR -> TypedExpr.BoolKind.OR;
            case NOT -> TypedExpr.BoolKind.NOT;
        };
        return new TypedExpr.Bool(kind, args);
    }

    private static String booleanTestName(BooleanTest.TestType t) {
        return switch (t) {
            case IS_TRUE -> "IS TRUE";
            case IS_NOT_TRUE -> "IS NOT TRUE";
            case IS_FALSE -> "IS FALSE";
            case IS_NOT_FALSE -> "IS NOT FALSE";
            case IS_UNKNOWN -> "IS UNKNOWN";
            case IS_NOT_UNKNOWN -> "IS NOT UNKNOWN";
        };
    }

    private TypedExpr caseExpr(CaseExpr c, ParseState ps) {
        TypedExpr arg = null;
        TypedExpr.CaseTest test = null;
        if (c.arg() != null) {
            arg = transform(c.arg(), ps);
            if (arg.type() == TypeOids.UNKNOWN) {
                arg = coerce.resolveUnknown(arg);
            }
            test = new TypedExpr.CaseTest(arg.type(), arg.typmod());
        }
        List<TypedExpr> conds = new ArrayList<>();
        List<TypedExpr> results = new ArrayList<>();
        for (CaseWhen w : c.whens()) {
            TypedExpr cond;
            if (test != null) {
                cond = new OperatorAnalyzer(a).makeOp("=", test, transform(w.expr(), ps), w.location());
            } else {
                cond = coerce.toBoolean(transform(w.expr(), ps), "CASE/WHEN", w.expr().location());
            }
            conds.add(cond);
            results.add(transform(w.result(), ps));
        }
        TypedExpr otherwise = c.defresult() == null ? null : transform(c.defresult(), ps);
        List<TypedExpr> all = new ArrayList<>(results);
        if (otherwise != null) {
            all.add(otherwise);
        }
        int type = coerce.commonType(all, "CASE", c.location());
        List<TypedExpr> coerced = coerce.coerceAll(results, type, "CASE", c.location());
        List<TypedExpr.When> whens = new ArrayList<>();
        for (int i = 0; i < conds.size(); i++) {
            whens.add(new TypedExpr.When(conds.get(i), coerced.get(i)));
        }
        TypedExpr els = otherwise == null ? null
                : coerce.coerceAll(List.of(otherwise), type, "CASE", c.location()).get(0);
        return new TypedExpr.Case(arg, whens, els, type, -1);
    }

    private TypedExpr array(ArrayExpr x, ParseState ps) {
        List<TypedExpr> els = new ArrayList<>();
        for (Expr e : x.elements()) {
            if (e instanceof ArrayExpr) {
                throw AnalyzeErrors.unsupported("multidimensional array", e.location());
            }
            els.add(transform(e, ps));
        }
        if (els.isEmpty()) {
            return new TypedExpr.ArrayBuild(TypeOids.UNKNOWN, TypeOids.UNKNOWN, List.of());
        }
        int elem = coerce.commonType(els, "ARRAY", x.location());
        return new TypedExpr.ArrayBuild(elem, Coercion.arrayTypeOf(elem, x.location()),
                coerce.coerceAll(els, elem, "ARRAY", x.location()));
    }

    private TypedExpr sqlValue(SQLValueFunction f) {
        return switch (f.op()) {
            case CURRENT_DATE -> new TypedExpr.SqlValue(f.op(), TypeOids.DATE, -1);
            case CURRENT_TIME, CURRENT_TIME_N -> new TypedExpr.SqlValue(f.op(), TypeOids.TIMETZ, f.typmod());
            case CURRENT_TIMESTAMP, CURRENT_TIMESTAMP_N -> new TypedExpr.SqlValue(f.op(), TypeOids.TIMESTAMPTZ,
                    f.typmod());
            case LOCALTIME, LOCALTIME_N -> new TypedExpr.SqlValue(f.op(), TypeOids.TIME, f.typmod());
            case LOCALTIMESTAMP, LOCALTIMESTAMP_N -> new TypedExpr.SqlValue(f.op(), TypeOids.TIMESTAMP, f.typmod());
            case CURRENT_SCHEMA -> {
                String name;
                try {
                    name = a.ctx().catalog().namespace(a.ctx().catalog().creationNamespace(a.ctx().searchPath()))
                            .name();
                } catch (TuskException e) {
                    name = null;
                }
                yield new TypedExpr.Const(TypeOids.NAME, -1, name, f.location());
            }
            default -> new TypedExpr.SqlValue(f.op(), TypeOids.NAME, -1);
        };
    }

    private TypedExpr indirection(AIndirection i, ParseState ps) {
        TypedExpr base = transform(i.arg(), ps);
        for (IndirectionItem item : i.indirection()) {
            if (item instanceof AIndices idx && !idx.isSlice()) {
                int elem = base.type() == TypeOids.INT2VECTOR ? TypeOids.INT2
                        : base.type() == TypeOids.OIDVECTOR ? TypeOids.OID
                        : TypeRegistry.builtin().elementOf(base.type());
                if (elem == 0) {
                    throw AnalyzeErrors.at(SqlState.DATATYPE_MISMATCH, "cannot subscript type "
                            + dev.tusk.utils.adt.TypeNames.format(base.type()) + " because it does not support "
                            + "subscripting", i.location());
                }
                TypedExpr index = coerce.implicit(transform(idx.uidx(), ps), TypeOids.INT4, i.location());
                base = new TypedExpr.Subscript(base, index, elem);
            } else if (item instanceof IndirectionItem.Field f) {
                base = fieldSelect(base, f.name(), ps, i.location());
            } else {
                throw AnalyzeErrors.unsupported("this kind of indirection", i.location());
            }
        }
        return base;
    }

    /** ParseFuncOrColumn's field selection on a composite: {@code (expr).name}. */
    private static TypedExpr fieldSelect(TypedExpr base, String name, ParseState ps, int location) {
        ProcOutParams.Out fields = base.type() == TypeOids.RECORD ? recordFields(base, ps, null) : null;
        if (fields == null) {
            if (base.type() == TypeOids.RECORD) {
                throw AnalyzeErrors.at(SqlState.UNDEFINED_COLUMN, "could not identify column \"" + name
                        + "\" in record data type", location);
            }
            throw AnalyzeErrors.at(SqlState.WRONG_OBJECT_TYPE, "column notation ." + name + " applied to type "
                    + dev.tusk.utils.adt.TypeNames.format(base.type()) + ", which is not a composite type", location);
        }
        int k = fields.names().indexOf(name);
        if (k < 0) {
            throw AnalyzeErrors.at(SqlState.UNDEFINED_COLUMN, "could not identify column \"" + name
                    + "\" in record data type", location);
        }
        return new TypedExpr.FieldSelect(base, k, name, fields.types().get(k));
    }

    /**
     * The field names and types of a record-typed expression (expandRecordVariable): a function with OUT
     * parameters, a ROW(...) constructor, or a column of a subquery or function in FROM whose output is one.
     * {@code rtable} is the range table of a nested query level when {@code ps} is null.
     */
    static ProcOutParams.Out recordFields(TypedExpr e, ParseState ps, List<Rte> rtable) {
        switch (e) {
            case TypedExpr.Func fn -> {
                return FromAnalyzer.outParams(fn);
            }
            case TypedExpr.Row r -> {
                List<String> names = new java.util.ArrayList<>();
                List<Integer> types = new java.util.ArrayList<>();
                for (int k = 0; k < r.args().size(); k++) {
                    names.add("f" + (k + 1));
                    types.add(r.args().get(k).type());
                }
                return new ProcOutParams.Out(names, types);
            }
            case TypedExpr.Var v -> {
                List<Rte> rt = rtable;
                if (ps != null) {
                    ParseState p = ps;
                    for (int k = 0; k < v.levelsUp() && p != null; k++) {
                        p = p.parent;
                    }
                    rt = p == null ? null : p.rtable;
                } else if (v.levelsUp() != 0) {
                    return null;
                }
                if (rt == null || v.rtIndex() < 0 || v.rtIndex() >= rt.size()) {
                    return null;
                }
                if (rt.get(v.rtIndex()) instanceof Rte.Subquery sq && sq.query().setOp() == null
                        && v.attno() >= 1 && v.attno() <= sq.query().targets().size()) {
                    return recordFields(sq.query().targets().get(v.attno() - 1).expr(), null, sq.query().rtable());
                }
                if (rt.get(v.rtIndex()) instanceof Rte.Function f && !f.composite() && v.attno() == 1
                        && f.call() instanceof TypedExpr.Func fn) {
                    return FromAnalyzer.outParams(fn);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }
}
