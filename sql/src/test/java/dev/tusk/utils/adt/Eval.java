package dev.tusk.utils.adt;

import dev.tusk.utils.fmgr.FunctionContext;
import dev.tusk.utils.fmgr.FunctionMatch;
import dev.tusk.utils.fmgr.FunctionRegistry;
import dev.tusk.utils.fmgr.OperatorMatch;
import dev.tusk.utils.fmgr.OperatorRegistry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What the analyzer and executor do with the registries, in miniature: resolve an operator or function call
 * over typed arguments, coerce the arguments implicitly to the chosen signature, and call it. Arguments of type
 * unknown (705) are Strings, as untyped literals are.
 */
final class Eval {
    static FunctionContext ctx = FunctionContext.basic(SessionFormats.DEFAULT);

    private Eval() {
    }

    record Typed(Object value, int type) {
    }

    static Typed t(Object value, int type) {
        return new Typed(value, type);
    }

    static Typed lit(String text) {
        return new Typed(text, TypeOids.UNKNOWN);
    }

    /** Parses a typed literal like 'x'::type. */
    static Typed v(String text, int type) {
        return new Typed(TypeIo.textIn(type, text, -1, ctx.formats()), type);
    }

    private static Object coerce(Typed a, int target) {
        return Casts.builtin().coerce(a.value(), a.type(), target, -1, CoercionContext.IMPLICIT, ctx);
    }

    static Typed op(String name, Typed left, Typed right) {
        OperatorMatch m = OperatorRegistry.builtin().resolve(name, left == null ? 0 : left.type(), right.type());
        if (m == null) {
            throw OperatorRegistry.noSuchOperator(name, left == null ? 0 : left.type(), right.type(), 0);
        }
        Object l = left == null ? null : coerce(left, m.leftType());
        Object r = coerce(right, m.rightType());
        int[] types = left == null ? new int[] {m.rightType()} : new int[] {m.leftType(), m.rightType()};
        Object result = left == null ? m.operator().function().call(ctx, types, r)
                : m.operator().function().call(ctx, types, l, r);
        return new Typed(result, m.resultType());
    }

    static FunctionMatch resolve(String name, Typed... args) {
        int[] types = new int[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i].type();
        }
        FunctionMatch m = FunctionRegistry.builtin().resolve(name, types);
        if (m == null) {
            throw FunctionRegistry.noSuchFunction(name, types, 0);
        }
        return m;
    }

    private static Object[] coerced(FunctionMatch m, Typed... args) {
        Object[] vals = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            vals[i] = coerce(args[i], m.coerceArgTypes()[i]);
        }
        if (m.packsVariadic()) {
            List<Object> tail = new ArrayList<>();
            for (int i = m.variadicFrom(); i < vals.length; i++) {
                tail.add(vals[i]);
            }
            Object[] packed = new Object[m.variadicFrom() + 1];
            System.arraycopy(vals, 0, packed, 0, m.variadicFrom());
            packed[m.variadicFrom()] = new ArrayValue(m.coerceArgTypes()[m.variadicFrom()], tail);
            return packed;
        }
        return vals;
    }

    static Typed call(String name, Typed... args) {
        FunctionMatch m = resolve(name, args);
        Object[] vals = coerced(m, args);
        int[] types = m.packsVariadic() ? java.util.Arrays.copyOf(m.coerceArgTypes(), vals.length) : m.coerceArgTypes();
        return new Typed(m.function().call(ctx, types, vals), m.returnType());
    }

    static List<Object> callSet(String name, Typed... args) {
        FunctionMatch m = resolve(name, args);
        Iterator<Object> it = m.function().setImpl().invoke(ctx, m.coerceArgTypes(), coerced(m, args));
        List<Object> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** Runs an aggregate over single-argument rows. */
    static Typed aggregate(String name, int argType, Object... rows) {
        FunctionMatch m = FunctionRegistry.builtin().resolve(name, new int[] {argType});
        var agg = m.function().aggregate();
        Object state = agg.init().create(ctx, m.coerceArgTypes());
        for (Object row : rows) {
            if (row == null && agg.strict()) {
                continue;
            }
            state = agg.transition().advance(ctx, state, new Object[] {row});
        }
        return new Typed(agg.finish().result(ctx, state), m.returnType());
    }

    static String out(Typed v) {
        return v.value() == null ? null : TypeIo.textOut(v.type(), v.value(), ctx.formats());
    }
}
