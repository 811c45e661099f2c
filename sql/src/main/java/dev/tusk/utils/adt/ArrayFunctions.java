package dev.tusk.utils.adt;

import dev.tusk.utils.fmgr.FunctionContext;
import dev.tusk.utils.fmgr.ImplTable;
import dev.tusk.utils.fmgr.OperatorDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Array functions and operators (arrayfuncs.c, array_userfuncs.c): ||, @&gt;, &lt;@, &amp;&amp;,
 * array_length/upper/lower, cardinality, array_to_string, array_append/prepend/cat/remove/replace/position(s),
 * unnest, generate_subscripts, and {@link #scalarArrayOp} for {@code x op ANY/ALL (array)}; also generate_series
 * over integers and numeric.
 */
public final class ArrayFunctions {
    private ArrayFunctions() {
    }

    static ArrayValue arr(Object o) {
        return (ArrayValue) o;
    }

    static void register(ImplTable t) {
        t.fn("array_append", (c, ty, a) -> {
            List<Object> l = a[0] == null ? new ArrayList<>() : new ArrayList<>(arr(a[0]).elements());
            l.add(a[1]);
            return new ArrayValue(elem(ty[0]), l);
        }).fn("array_prepend", (c, ty, a) -> {
            List<Object> l = new ArrayList<>();
            l.add(a[0]);
            if (a[1] != null) {
                l.addAll(arr(a[1]).elements());
            }
            return new ArrayValue(elem(ty[1]), l);
        }).fn("array_cat", (c, ty, a) -> {
            if (a[0] == null) {
                return a[1];
            }
            if (a[1] == null) {
                return a[0];
            }
            List<Object> l = new ArrayList<>(arr(a[0]).elements());
            l.addAll(arr(a[1]).elements());
            return new ArrayValue(arr(a[0]).elementTypeOid(), l);
        }).fn("array_remove", (c, ty, a) -> {
            if (a[0] == null) {
                return null;
            }
            List<Object> l = new ArrayList<>();
            for (Object e : arr(a[0]).elements()) {
                if (!same(arr(a[0]).elementTypeOid(), e, a[1])) {
                    l.add(e);
                }
            }
            return new ArrayValue(arr(a[0]).elementTypeOid(), l);
        }).fn("array_replace", (c, ty, a) -> {
            if (a[0] == null) {
                return null;
            }
            List<Object> l = new ArrayList<>();
            for (Object e : arr(a[0]).elements()) {
                l.add(same(arr(a[0]).elementTypeOid(), e, a[1]) ? a[2] : e);
            }
            return new ArrayValue(arr(a[0]).elementTypeOid(), l);
        }).fn("array_position", (c, ty, a) -> position(a[0], a[1], 1))
                .fn("array_position_start", (c, ty, a) -> a[2] == null ? null : position(a[0], a[1], (Integer) a[2]))
                .fn("array_positions", (c, ty, a) -> {
                    if (a[0] == null) {
                        return null;
                    }
                    List<Object> l = new ArrayList<>();
                    List<Object> el = arr(a[0]).elements();
                    for (int i = 0; i < el.size(); i++) {
                        if (same(arr(a[0]).elementTypeOid(), el.get(i), a[1])) {
                            l.add(i + 1);
                        }
                    }
                    return new ArrayValue(TypeOids.INT4, l);
                })
                .fn2("array_length", (a, b) -> (Integer) b == 1 && arr(a).size() > 0 ? arr(a).size() : null)
                .fn2("array_upper", (a, b) -> (Integer) b == 1 && arr(a).size() > 0 ? arr(a).size() : null)
                .fn2("array_lower", (a, b) -> (Integer) b == 1 && arr(a).size() > 0 ? 1 : null)
                .fn1("array_ndims", a -> arr(a).size() > 0 ? 1 : null)
                .fn1("array_dims", a -> arr(a).size() > 0 ? "[1:" + arr(a).size() + "]" : null)
                .fn1("array_cardinality", a -> arr(a).size())
                .fn("array_to_text", (c, ty, a) -> toText(c, arr(a[0]), (String) a[1], null))
                .fn("array_to_text_null", (c, ty, a) -> toText(c, arr(a[0]), (String) a[1], (String) a[2]))
                .fn("arraycontains", (c, ty, a) -> contains(arr(a[0]), arr(a[1])))
                .fn("arraycontained", (c, ty, a) -> contains(arr(a[1]), arr(a[0])))
                .fn("arrayoverlap", (c, ty, a) -> {
                    for (Object x : arr(a[1]).elements()) {
                        if (x != null && indexOf(arr(a[0]), x) >= 0) {
                            return true;
                        }
                    }
                    return false;
                })
                .fn("array_larger", (c, ty, a) -> Comparisons.compare(ty[0], a[0], a[1]) >= 0 ? a[0] : a[1])
                .fn("array_smaller", (c, ty, a) -> Comparisons.compare(ty[0], a[0], a[1]) <= 0 ? a[0] : a[1])
                .set("array_unnest", (c, ty, a) -> arr(a[0]).elements().iterator())
                .set("generate_subscripts", (c, ty, a) -> subscripts(arr(a[0]), (Integer) a[1], (Boolean) a[2]))
                .set("generate_subscripts_nodir", (c, ty, a) -> subscripts(arr(a[0]), (Integer) a[1], false))
                .set("generate_series_int4", (c, ty, a) -> longSeries(c, (Integer) a[0], (Integer) a[1], 1, true))
                .set("generate_series_step_int4", (c, ty, a) -> longSeries(c, (Integer) a[0], (Integer) a[1],
                        (Integer) a[2], true))
                .set("generate_series_int8", (c, ty, a) -> longSeries(c, (Long) a[0], (Long) a[1], 1, false))
                .set("generate_series_step_int8", (c, ty, a) -> longSeries(c, (Long) a[0], (Long) a[1], (Long) a[2],
                        false))
                .set("generate_series_numeric", (c, ty, a) -> numericSeries(c, (BigDecimal) a[0], (BigDecimal) a[1],
                        BigDecimal.ONE))
                .set("generate_series_step_numeric", (c, ty, a) -> numericSeries(c, (BigDecimal) a[0],
                        (BigDecimal) a[1], (BigDecimal) a[2]));
    }

    private static int elem(int arrayType) {
        return TypeRegistry.builtin().elementOf(arrayType);
    }

    private static boolean same(int elemType, Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Comparisons.equal(elemType, a, b);
    }

    private static Object position(Object array, Object value, int start) {
        if (array == null) {
            return null;
        }
        List<Object> el = arr(array).elements();
        for (int i = Math.max(start, 1) - 1; i < el.size(); i++) {
            if (same(arr(array).elementTypeOid(), el.get(i), value)) {
                return i + 1;
            }
        }
        return null;
    }

    private static int indexOf(ArrayValue a, Object x) {
        List<Object> el = a.elements();
        for (int i = 0; i < el.size(); i++) {
            if (el.get(i) != null && Comparisons.equal(a.elementTypeOid(), el.get(i), x)) {
                return i;
            }
        }
        return -1;
    }

    /** array_contain_compare: every non-null element of {@code b} is in {@code a}; a NULL in b fails. */
    private static boolean contains(ArrayValue a, ArrayValue b) {
        for (Object x : b.elements()) {
            if (x == null || indexOf(a, x) < 0) {
                return false;
            }
        }
        return true;
    }

    static String toText(FunctionContext c, ArrayValue a, String delim, String nullStr) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Object e : a.elements()) {
            if (e == null && nullStr == null) {
                continue;
            }
            if (!first) {
                sb.append(delim);
            }
            first = false;
            sb.append(e == null ? nullStr : TypeIo.textOut(a.elementTypeOid(), e, c.formats()));
        }
        return sb.toString();
    }

    private static Iterator<Object> subscripts(ArrayValue a, int dim, boolean reverse) {
        List<Object> l = new ArrayList<>();
        if (dim == 1) {
            for (int i = 1; i <= a.size(); i++) {
                l.add(reverse ? a.size() - i + 1 : i);
            }
        }
        return l.iterator();
    }

    private static Iterator<Object> longSeries(FunctionContext c, long start, long stop, long step, boolean int4) {
        if (step == 0) {
            throw AdtErrors.invalidParameter("step size cannot equal zero");
        }
        return new Iterator<>() {
            long next = start;
            boolean done = step > 0 ? start > stop : start < stop;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public Object next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                c.checkInterrupts();
                long cur = next;
                try {
                    next = Math.addExact(next, step);
                    done = step > 0 ? next > stop : next < stop;
                    if (int4 && (next > Integer.MAX_VALUE || next < Integer.MIN_VALUE)) {
                        done = true;
                    }
                } catch (ArithmeticException e) {
                    done = true;
                }
                return int4 ? (Object) (int) cur : (Object) cur;
            }
        };
    }

    private static Iterator<Object> numericSeries(FunctionContext c, BigDecimal start, BigDecimal stop,
            BigDecimal step) {
        if (NumericType.isSpecial(start) || NumericType.isSpecial(stop) || NumericType.isSpecial(step)) {
            BigDecimal bad = NumericType.isSpecial(start) ? start : NumericType.isSpecial(stop) ? stop : step;
            throw AdtErrors.invalidParameter((bad == step ? "step size" : bad == start ? "start value" : "stop value")
                    + (NumericType.isNaN(bad) ? " cannot be NaN" : " cannot be infinity"));
        }
        if (step.signum() == 0) {
            throw AdtErrors.invalidParameter("step size cannot equal zero");
        }
        int scale = Math.max(start.scale(), step.scale());
        return new Iterator<>() {
            BigDecimal next = start.setScale(Math.max(scale, 0));

            @Override
            public boolean hasNext() {
                return step.signum() > 0 ? next.compareTo(stop) <= 0 : next.compareTo(stop) >= 0;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                c.checkInterrupts();
                BigDecimal cur = next;
                next = next.add(step);
                return cur;
            }
        };
    }

    /**
     * {@code left op ANY (array)} / {@code op ALL}: ScalarArrayOpExpr's three-valued result (null when the
     * answer depends on NULL elements or operands). {@code op} must return boolean.
     */
    public static Boolean scalarArrayOp(FunctionContext ctx, OperatorDef op, Object left, ArrayValue right,
            boolean all) {
        if (right == null) {
            return null;
        }
        if (right.elements().isEmpty()) {
            return all;
        }
        if (left == null && op.function().strict()) {
            return null;
        }
        boolean sawNull = false;
        for (Object e : right.elements()) {
            Object r = op.apply(ctx, left, e);
            if (r == null) {
                sawNull = true;
            } else if ((Boolean) r != all) {
                return !all;
            }
        }
        return sawNull ? null : all;
    }
}
