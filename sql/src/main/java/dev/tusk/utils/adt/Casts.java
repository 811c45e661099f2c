package dev.tusk.utils.adt;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionContext;
import dev.tusk.utils.fmgr.FunctionDef;
import dev.tusk.utils.fmgr.FunctionRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Casts between types (pg_cast + parse_coerce.c's find_coercion_pathway, can_coerce_type, coerce_type and
 * select_common_type). A cast path is: nothing (same type), binary relabel, a cast function, I/O conversion
 * through text, or element-wise over arrays; after it, the target typmod is applied ({@link #applyTypmod}).
 */
public final class Casts {
    private static volatile Casts builtin;

    private final Map<Long, CastDef> byPair = new HashMap<>();
    private final List<CastDef> all = new ArrayList<>();
    private final FunctionRegistry functions;

    private Casts(FunctionRegistry functions, List<CastDef> rows) {
        this.functions = functions;
        for (CastDef c : rows) {
            byPair.put(key(c.source(), c.target()), c);
            all.add(c);
        }
    }

    /** The built-in casts (those of pg_cast whose function Tusk implements). */
    public static Casts builtin() {
        Casts c = builtin;
        if (c == null) {
            synchronized (Casts.class) {
                c = builtin;
                if (c == null) {
                    FunctionRegistry f = FunctionRegistry.builtin();
                    c = new Casts(f, CastTable.load(f));
                    builtin = c;
                }
            }
        }
        return c;
    }

    private static long key(int s, int t) {
        return ((long) s << 32) | (t & 0xffffffffL);
    }

    /** pg_cast rows, in OID order. */
    public List<CastDef> all() {
        return List.copyOf(all);
    }

    /** The pg_cast row for the pair, or null. */
    public CastDef castDef(int source, int target) {
        return byPair.get(key(source, target));
    }

    /** How a value moves from one type to another. */
    public enum PathKind { NONE, RELABEL, FUNCTION, IO, ARRAY }

    /**
     * A found coercion pathway.
     *
     * @param function the cast function (FUNCTION), else null
     * @param element  the element path (ARRAY), else null
     */
    public record CastPath(int source, int target, PathKind kind, CoercionContext context, FunctionDef function,
            CastPath element) {
    }

    /**
     * find_coercion_pathway: the path from {@code source} to {@code target} usable in {@code ctx}, or null.
     * Unknown literals (705) reach every type through its input function.
     */
    public CastPath find(int source, int target, CoercionContext ctx) {
        if (source == target) {
            return new CastPath(source, target, PathKind.NONE, CoercionContext.IMPLICIT, null, null);
        }
        if (source == TypeOids.UNKNOWN) {
            return new CastPath(source, target, PathKind.IO, CoercionContext.IMPLICIT, null, null);
        }
        // int2vector and oidvector coerce as their array counterparts (find_coercion_pathway does the same)
        int asArray = source == TypeOids.INT2VECTOR ? TypeOids.INT2_ARRAY
                : source == TypeOids.OIDVECTOR ? TypeOids.OID_ARRAY : 0;
        if (asArray != 0) {
            if (asArray == target) {
                return new CastPath(source, target, PathKind.RELABEL, CoercionContext.IMPLICIT, null, null);
            }
            if (castDef(source, target) == null) {
                CastPath p = find(asArray, target, ctx);
                return p == null ? null : new CastPath(source, target, p.kind(), p.context(), p.function(),
                        p.element());
            }
        }
        CastDef def = castDef(source, target);
        if (def != null) {
            if (!ctx.allows(def.context())) {
                return null;
            }
            return switch (def.method()) {
                case 'b' -> new CastPath(source, target, PathKind.RELABEL, def.context(), null, null);
                case 'i' -> new CastPath(source, target, PathKind.IO, def.context(), null, null);
                default -> {
                    FunctionDef fn = functions.byOid(def.funcOid()).orElse(null);
                    yield fn == null ? null
                            : new CastPath(source, target, PathKind.FUNCTION, def.context(), fn, null);
                }
            };
        }
        TypeRegistry types = TypeRegistry.builtin();
        int se = types.elementOf(source);
        int te = types.elementOf(target);
        if (se != 0 && te != 0) {
            CastPath el = find(se, te, ctx);
            if (el != null) {
                return new CastPath(source, target, PathKind.ARRAY, el.context(), null, el);
            }
            return null;
        }
        // automatic I/O conversion: to string types in assignment, from string types when explicit
        if (types.category(target) == 'S' && ctx.allows(CoercionContext.ASSIGNMENT) && types.byOid(source).isPresent()
                && (!types.get(source).isPseudo() || source == TypeOids.RECORD)) {
            return new CastPath(source, target, PathKind.IO, CoercionContext.ASSIGNMENT, null, null);
        }
        if (types.category(source) == 'S' && ctx == CoercionContext.EXPLICIT && types.byOid(target).isPresent()
                && !types.get(target).isPseudo()) {
            return new CastPath(source, target, PathKind.IO, CoercionContext.EXPLICIT, null, null);
        }
        return null;
    }

    /**
     * can_coerce_type for one argument: true if {@code source} may become {@code target} in {@code ctx}
     * (including unknown literals and the "any"/anyelement/anyarray pseudo-types; polymorphic consistency across
     * several arguments is checked by overload resolution).
     */
    public boolean canCoerce(int source, int target, CoercionContext ctx) {
        if (source == target || source == TypeOids.UNKNOWN || target == TypeOids.ANY) {
            return true;
        }
        TypeRegistry types = TypeRegistry.builtin();
        switch (target) {
            case TypeOids.ANYELEMENT, TypeOids.ANYCOMPATIBLE -> {
                return true;
            }
            case TypeOids.ANYNONARRAY, TypeOids.ANYCOMPATIBLENONARRAY -> {
                return types.elementOf(source) == 0;
            }
            case TypeOids.ANYARRAY, TypeOids.ANYCOMPATIBLEARRAY -> {
                return types.polymorphicElementOf(source) != 0;
            }
            case TypeOids.RECORD -> {
                return source == TypeOids.RECORD || types.category(source) == 'C';
            }
            default -> {
                return find(source, target, ctx) != null;
            }
        }
    }

    /**
     * Converts {@code value} (non-null, of {@code source}) to {@code target} and applies {@code targetTypmod}
     * (-1 none). Throws 42846 "cannot cast type X to Y" when no path exists in {@code ctx}.
     */
    public Object coerce(Object value, int source, int target, int targetTypmod, CoercionContext ctx,
            FunctionContext fc) {
        CastPath path = find(source, target, ctx);
        if (path == null) {
            throw cannotCast(source, target);
        }
        return apply(path, value, targetTypmod, ctx == CoercionContext.EXPLICIT, fc);
    }

    /** Runs a found path on a non-null value, then applies the typmod. */
    public Object apply(CastPath path, Object value, int targetTypmod, boolean explicit, FunctionContext fc) {
        if (value == null) {
            return null;
        }
        Object v = switch (path.kind()) {
            case NONE -> value;
            case RELABEL -> relabel(value, path.source(), path.target());
            case IO -> {
                String text = path.source() == TypeOids.UNKNOWN ? value.toString()
                        : TypeIo.textOut(path.source(), value, fc.formats());
                yield TypeIo.textIn(path.target(), text, path.kind() == PathKind.IO && explicit ? -1 : targetTypmod,
                        fc.formats());
            }
            case FUNCTION -> {
                FunctionDef fn = path.function();
                int n = fn.nargs();
                int[] types = fn.argTypes().stream().mapToInt(Integer::intValue).toArray();
                types[0] = path.source();
                Object[] args = n == 1 ? new Object[] {value}
                        : n == 2 ? new Object[] {value, targetTypmod}
                        : new Object[] {value, targetTypmod, explicit};
                yield fn.call(fc, types, args);
            }
            case ARRAY -> {
                ArrayValue a = (ArrayValue) value;
                List<Object> out = new ArrayList<>(a.size());
                for (Object e : a.elements()) {
                    out.add(e == null ? null : apply(path.element(), e, targetTypmod, explicit, fc));
                }
                yield new ArrayValue(path.element().target(), out);
            }
        };
        return applyTypmod(v, path.target(), targetTypmod, explicit);
    }

    /** Binary-coercible casts that still need a carrier change (e.g. int4 -> oid are both Integer: none). */
    private static Object relabel(Object value, int source, int target) {
        if (value instanceof ArrayValue a && TypeRegistry.builtin().elementOf(target) != 0) {
            return new ArrayValue(TypeRegistry.builtin().elementOf(target), a.elements());
        }
        return value;
    }

    /**
     * The length coercion of a type's own typmod (varchar(n), bpchar(n), numeric(p,s), time/timestamp(p),
     * interval(p)); arrays element-wise. {@code explicit} truncates strings instead of raising 22001.
     */
    public static Object applyTypmod(Object value, int type, int typmod, boolean explicit) {
        if (value == null || typmod < 0) {
            return value;
        }
        return switch (type) {
            case TypeOids.VARCHAR -> TextTypes.varchar((String) value, typmod, explicit);
            case TypeOids.BPCHAR -> TextTypes.bpchar((String) value, typmod, explicit);
            default -> {
                if (value instanceof ArrayValue a) {
                    List<Object> out = new ArrayList<>(a.size());
                    for (Object e : a.elements()) {
                        out.add(applyTypmod(e, a.elementTypeOid(), typmod, explicit));
                    }
                    yield new ArrayValue(a.elementTypeOid(), out);
                }
                yield TypmodCoercions.apply(value, type, typmod);
            }
        };
    }

    /** 42846 cannot cast type X to Y. */
    public static TuskException cannotCast(int source, int target) {
        return new TuskException(SqlState.CANNOT_COERCE,
                "cannot cast type " + TypeNames.format(source) + " to " + TypeNames.format(target));
    }

    /**
     * select_common_type: the type a set of expressions (CASE branches, UNION columns, COALESCE, ARRAY[],
     * VALUES) resolve to. All unknown gives text. {@code context} names the construct for the error
     * "CASE types integer and text cannot be matched" (42804).
     */
    public int selectCommonType(List<Integer> types, String context) {
        TypeRegistry reg = TypeRegistry.builtin();
        int ptype = types.get(0);
        boolean allUnknown = ptype == TypeOids.UNKNOWN;
        for (int i = 1; i < types.size(); i++) {
            int ntype = types.get(i);
            if (ntype == TypeOids.UNKNOWN) {
                continue;
            }
            allUnknown = false;
            if (ptype == TypeOids.UNKNOWN) {
                ptype = ntype;
                continue;
            }
            if (ntype == ptype) {
                continue;
            }
            char pcat = reg.category(ptype);
            char ncat = reg.category(ntype);
            if (pcat != ncat) {
                throw new TuskException(SqlState.DATATYPE_MISMATCH, context + " types " + TypeNames.format(ptype)
                        + " and " + TypeNames.format(ntype) + " cannot be matched");
            }
            if (!reg.isPreferred(ptype) && canCoerce(ptype, ntype, CoercionContext.IMPLICIT)
                    && !canCoerce(ntype, ptype, CoercionContext.IMPLICIT)) {
                ptype = ntype;
            }
        }
        if (allUnknown || ptype == TypeOids.UNKNOWN) {
            return TypeOids.TEXT;
        }
        // every input must be implicitly coercible to the winner
        for (int t : types) {
            if (!canCoerce(t, ptype, CoercionContext.IMPLICIT)) {
                throw new TuskException(SqlState.CANNOT_COERCE, context + " could not convert type "
                        + TypeNames.format(t) + " to " + TypeNames.format(ptype));
            }
        }
        return ptype;
    }
}
