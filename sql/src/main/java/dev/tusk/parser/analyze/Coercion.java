package dev.tusk.parser.analyze;

import dev.tusk.utils.adt.Casts;
import dev.tusk.utils.adt.CoercionContext;
import dev.tusk.utils.adt.TypeIo;
import dev.tusk.utils.adt.TypeNames;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.adt.TypeRegistry;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;

/**
 * Type coercion of analyzed expressions (PostgreSQL's parse_coerce.c: coerce_type, coerce_to_boolean,
 * select_common_type), on top of the type layer's cast catalogue. Unknown-type literals become typed constants
 * here (their input function runs at analysis time, as in PostgreSQL); an unknown parameter gets its type
 * from its first coercion.
 */
final class Coercion {
    private final Analyzer analyzer;
    private final Casts casts = Casts.builtin();

    Coercion(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** coerce_type: {@code e} as {@code target}/{@code typmod}, or null when no coercion exists in {@code ctx}. */
    TypedExpr coerce(TypedExpr e, int target, int typmod, CoercionContext ctx, TypedExpr.Form form, int location) {
        int source = e.type();
        if (target == TypeOids.ANY || TypeOids.isPolymorphic(target)
                || (target == TypeOids.RECORD && (source == TypeOids.RECORD))) {
            return e;
        }
        if (source == target) {
            if (typmod < 0 || typmod == e.typmod()) {
                return e;
            }
            if (e instanceof TypedExpr.Const c && c.value() != null) {
                return new TypedExpr.Const(target, typmod,
                        Casts.applyTypmod(c.value(), target, typmod, ctx == CoercionContext.EXPLICIT), c.location());
            }
            return new TypedExpr.Cast(e, target, typmod, casts.find(source, target, ctx),
                    ctx == CoercionContext.EXPLICIT, form, location);
        }
        if (source == TypeOids.UNKNOWN) {
            if (e instanceof TypedExpr.Const c) {
                Object v = null;
                if (c.value() != null) {
                    try {
                        boolean explicit = ctx == CoercionContext.EXPLICIT;
                        v = TypeIo.textIn(target, c.value().toString(), explicit ? -1 : typmod, analyzer.formats());
                        if (explicit && typmod >= 0) {
                            v = Casts.applyTypmod(v, target, typmod, true);
                        }
                    } catch (TuskException ex) {
                        throw AnalyzeErrors.withPosition(ex, c.location() >= 0 ? c.location() : location);
                    }
                }
                // Like PostgreSQL, only an explicit cast keeps the typmod on the constant itself (deparse shows it).
                return new TypedExpr.Const(target, ctx == CoercionContext.EXPLICIT ? typmod : -1, v, c.location());
            }
            if (e instanceof TypedExpr.Param p) {
                analyzer.params().setType(p.number(), target, p.location());
                TypedExpr np = new TypedExpr.Param(p.number(), target, p.location());
                return typmod < 0 ? np : coerce(np, target, typmod, ctx, form, location);
            }
        }
        Casts.CastPath path = casts.find(source, target, ctx);
        if (path == null && ((source == TypeOids.INT2VECTOR && target == TypeOids.INT2_ARRAY)
                || (source == TypeOids.OIDVECTOR && target == TypeOids.OID_ARRAY))) {
            // find_coercion_pathway treats int2vector/oidvector as binary-compatible with int2[]/oid[].
            path = new Casts.CastPath(source, target, Casts.PathKind.RELABEL, CoercionContext.IMPLICIT, null, null);
        }
        if (path == null) {
            return null;
        }
        return new TypedExpr.Cast(e, target, typmod, path, ctx == CoercionContext.EXPLICIT, form, location);
    }

    /** An explicit CAST / :: (42846 {@code cannot cast type X to Y} when impossible). */
    TypedExpr explicitCast(TypedExpr e, int target, int typmod, int location) {
        TypedExpr r = coerce(e, target, typmod, CoercionContext.EXPLICIT, TypedExpr.Form.EXPLICIT_CAST, location);
        if (r == null) {
            throw AnalyzeErrors.at(SqlState.CANNOT_COERCE, "cannot cast type " + TypeNames.format(e.type())
                    + " to " + TypeNames.format(target), location);
        }
        if (r instanceof TypedExpr.Const c && e instanceof TypedExpr.Const) {
            return c; // a typed literal
        }
        if (r == e) {
            // same type: keep the cast visible for deparsing and naming only through the caller
            return e;
        }
        return r;
    }

    /** An implicit coercion required by an operator or function argument. */
    TypedExpr implicit(TypedExpr e, int target, int location) {
        TypedExpr r = coerce(e, target, -1, CoercionContext.IMPLICIT, TypedExpr.Form.IMPLICIT_CAST, location);
        if (r == null) {
            throw AnalyzeErrors.at(SqlState.DATATYPE_MISMATCH, "cannot coerce type " + TypeNames.format(e.type())
                    + " to " + TypeNames.format(target), location);
        }
        return r;
    }

    /** Assignment to a column (INSERT/UPDATE/DEFAULT): 42804 with PostgreSQL's wording when impossible. */
    TypedExpr assign(TypedExpr e, int target, int typmod, String columnName, String what, int location) {
        TypedExpr r = coerce(e, target, typmod, CoercionContext.ASSIGNMENT, TypedExpr.Form.IMPLICIT_CAST, location);
        if (r == null) {
            throw AnalyzeErrors.at(SqlState.DATATYPE_MISMATCH, "column \"" + columnName + "\" is of type "
                    + TypeNames.format(target) + " but " + what + " is of type " + TypeNames.format(e.type()),
                    "You will need to rewrite or cast the expression.", location);
        }
        return r;
    }

    /** coerce_to_boolean: 42804 {@code argument of WHERE must be type boolean, not type integer}. */
    TypedExpr toBoolean(TypedExpr e, String construct, int location) {
        if (e.type() == TypeOids.BOOL) {
            return e;
        }
        TypedExpr r = coerce(e, TypeOids.BOOL, -1, CoercionContext.ASSIGNMENT, TypedExpr.Form.IMPLICIT_CAST,
                location);
        if (r == null) {
            throw AnalyzeErrors.wrongType(construct, e.type(), location);
        }
        return r;
    }

    /** coerce_to_specific_type: 42804 {@code argument of LIMIT must be type bigint, not type text}. */
    TypedExpr toSpecific(TypedExpr e, int target, String construct, int location) {
        TypedExpr r = coerce(e, target, -1, CoercionContext.ASSIGNMENT, TypedExpr.Form.IMPLICIT_CAST, location);
        if (r == null) {
            throw AnalyzeErrors.at(SqlState.DATATYPE_MISMATCH, "argument of " + construct + " must be type "
                    + TypeNames.format(target) + ", not type " + TypeNames.format(e.type()), location);
        }
        return r;
    }

    /** select_common_type over the expressions' types, with the error positioned at {@code location}. */
    int commonType(List<TypedExpr> es, String context, int location) {
        List<Integer> types = new ArrayList<>(es.size());
        for (TypedExpr e : es) {
            types.add(e.type());
        }
        try {
            return casts.selectCommonType(types, context);
        } catch (TuskException ex) {
            throw AnalyzeErrors.withPosition(ex, location);
        }
    }

    /** Coerces every expression to {@code type} (implicitly), for CASE/COALESCE/VALUES/UNION branches. */
    List<TypedExpr> coerceAll(List<TypedExpr> es, int type, String context, int location) {
        List<TypedExpr> out = new ArrayList<>(es.size());
        for (TypedExpr e : es) {
            TypedExpr r = coerce(e, type, -1, CoercionContext.IMPLICIT, TypedExpr.Form.IMPLICIT_CAST, location);
            if (r == null) {
                throw AnalyzeErrors.at(SqlState.CANNOT_COERCE, context + " could not convert type "
                        + TypeNames.format(e.type()) + " to " + TypeNames.format(type), location);
            }
            out.add(r);
        }
        return out;
    }

    /** An output column of unknown type becomes text (resolveTargetListUnknowns). */
    TypedExpr resolveUnknown(TypedExpr e) {
        if (e.type() != TypeOids.UNKNOWN) {
            return e;
        }
        return coerce(e, TypeOids.TEXT, -1, CoercionContext.IMPLICIT, TypedExpr.Form.IMPLICIT_CAST, -1);
    }

    /** The array type over {@code elem}, or 42704 {@code could not find array type for data type X}. */
    static int arrayTypeOf(int elem, int location) {
        int t = TypeRegistry.builtin().arrayOf(elem);
        if (t == 0) {
            throw AnalyzeErrors.at(SqlState.UNDEFINED_OBJECT, "could not find array type for data type "
                    + TypeNames.format(elem), location);
        }
        return t;
    }
}
