package dev.tusk.utils.adt;

import dev.tusk.utils.fmgr.AggregateDef;
import dev.tusk.utils.fmgr.ImplTable;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in aggregates (count, sum, avg, min, max, bool_and/bool_or/every, string_agg, array_agg,
 * json_agg/jsonb_agg) with PostgreSQL's result types: sum(int2/int4) bigint, sum(int8) numeric,
 * avg(integers) numeric with numeric division's scale.
 */
final class AggregateFunctions {
    private AggregateFunctions() {
    }

    private static final int INTERNAL = TypeOids.INTERNAL;

    /** A mutable holder used as transition state. */
    static final class Box {
        Object value;
        long count;
        boolean seen;
    }

    private static AggregateDef boxAgg(boolean strict, AggregateDef.Transition tr, AggregateDef.Finish fin) {
        return new AggregateDef(INTERNAL, strict, (c, t) -> new Box(), tr, fin);
    }

    static void register(ImplTable t) {
        t.agg("count()", boxAgg(false, (c, s, a) -> {
            ((Box) s).count++;
            return s;
        }, (c, s) -> ((Box) s).count));
        t.agg("count(2276)", boxAgg(true, (c, s, a) -> {
            ((Box) s).count++;
            return s;
        }, (c, s) -> ((Box) s).count));
        // sum
        AggregateDef sumToLong = boxAgg(true, (c, s, a) -> {
            Box b = (Box) s;
            b.value = b.value == null ? ((Number) a[0]).longValue()
                    : IntTypes.int8Add((Long) b.value, ((Number) a[0]).longValue());
            return b;
        }, (c, s) -> ((Box) s).value);
        t.agg("sum(21)", sumToLong).agg("sum(23)", sumToLong);
        t.agg("sum(20)", boxAgg(true, (c, s, a) -> {
            Box b = (Box) s;
            BigInteger v = BigInteger.valueOf((Long) a[0]);
            b.value = b.value == null ? v : ((BigInteger) b.value).add(v);
            return b;
        }, (c, s) -> ((Box) s).value == null ? null : new BigDecimal((BigInteger) ((Box) s).value)));
        t.agg("sum(1700)", boxAgg(true, (c, s, a) -> {
            Box b = (Box) s;
            b.value = b.value == null ? a[0] : NumericType.add((BigDecimal) b.value, (BigDecimal) a[0]);
            return b;
        }, (c, s) -> ((Box) s).value));
        t.agg("sum(700)", boxAgg(true, (c, s, a) -> {
            Box b = (Box) s;
            b.value = b.value == null ? (Float) a[0] : (Float) b.value + (Float) a[0];
            return b;
        }, (c, s) -> ((Box) s).value));
        t.agg("sum(701)", boxAgg(true, (c, s, a) -> {
            Box b = (Box) s;
            b.value = b.value == null ? (Double) a[0] : (Double) b.value + (Double) a[0];
            return b;
        }, (c, s) -> ((Box) s).value));
        t.agg("sum(1186)", boxAgg(true, (c, s, a) -> {
            Box b = (Box) s;
            b.value = b.value == null ? a[0] : DateTimeFunctions.ivAdd((Interval) b.value, (Interval) a[0], 1);
            return b;
        }, (c, s) -> ((Box) s).value));
        // avg
        AggregateDef avgNumeric = boxAgg(true, (c, s, a) -> {
            Box b = (Box) s;
            BigDecimal v = NumericType.toNumeric(a[0]);
            b.value = b.value == null ? v : NumericType.add((BigDecimal) b.value, v);
            b.count++;
            return b;
        }, (c, s) -> {
            Box b = (Box) s;
            return b.count == 0 ? null : NumericType.div((BigDecimal) b.value, BigDecimal.valueOf(b.count));
        });
        t.agg("avg(21)", avgNumeric).agg("avg(23)", avgNumeric).agg("avg(20)", avgNumeric).agg("avg(1700)", avgNumeric);
        AggregateDef avgFloat = boxAgg(true, (c, s, a) -> {
            Box b = (Box) s;
            double v = ((Number) a[0]).doubleValue();
            b.value = b.value == null ? v : (Double) b.value + v;
            b.count++;
            return b;
        }, (c, s) -> {
            Box b = (Box) s;
            return b.count == 0 ? null : (Double) b.value / b.count;
        });
        t.agg("avg(700)", avgFloat).agg("avg(701)", avgFloat);
        t.agg("avg(1186)", boxAgg(true, (c, s, a) -> {
            Box b = (Box) s;
            b.value = b.value == null ? a[0] : DateTimeFunctions.ivAdd((Interval) b.value, (Interval) a[0], 1);
            b.count++;
            return b;
        }, (c, s) -> {
            Box b = (Box) s;
            return b.count == 0 ? null : DateTimeFunctions.ivMul((Interval) b.value, 1.0 / b.count);
        }));
        // min / max over every comparable type
        for (String type : List.of("20", "23", "21", "26", "700", "701", "1082", "1083", "1114", "1184", "1186", "25",
                "1700", "1042", "2277", "3500", "27", "5069")) {
            t.agg("max(" + type + ")", minMax(true));
            t.agg("min(" + type + ")", minMax(false));
        }
        t.agg("bool_and(16)", boolAgg(true)).agg("every(16)", boolAgg(true)).agg("bool_or(16)", boolAgg(false));
        t.agg("string_agg(25 25)", boxAgg(false, (c, s, a) -> {
            Box b = (Box) s;
            if (a[0] != null) {
                StringBuilder sb = b.value == null ? new StringBuilder() : (StringBuilder) b.value;
                if (b.value != null && a[1] != null) {
                    sb.append((String) a[1]);
                }
                sb.append((String) a[0]);
                b.value = sb;
            }
            return b;
        }, (c, s) -> ((Box) s).value == null ? null : ((Box) s).value.toString()));
        t.agg("string_agg(17 17)", boxAgg(false, (c, s, a) -> {
            Box b = (Box) s;
            if (a[0] != null) {
                ByteArrayOutputStream out = b.value == null ? new ByteArrayOutputStream()
                        : (ByteArrayOutputStream) b.value;
                if (b.value != null && a[1] != null) {
                    out.writeBytes((byte[]) a[1]);
                }
                out.writeBytes((byte[]) a[0]);
                b.value = out;
            }
            return b;
        }, (c, s) -> ((Box) s).value == null ? null : ((ByteArrayOutputStream) ((Box) s).value).toByteArray()));
        t.agg("array_agg(2776)", new AggregateDef(INTERNAL, false, (c, types) -> new ArrayState(types[0]),
                (c, s, a) -> {
                    ((ArrayState) s).values.add(a[0]);
                    return s;
                }, (c, s) -> {
                    ArrayState st = (ArrayState) s;
                    return st.values.isEmpty() ? null : new ArrayValue(st.elemType, st.values);
                }));
        t.agg("json_agg(2283)", jsonAgg(false)).agg("jsonb_agg(2283)", jsonAgg(true));
    }

    /** array_agg / json_agg state: the element type and the values so far (NULLs included). */
    static final class ArrayState {
        final int elemType;
        final List<Object> values = new ArrayList<>();

        ArrayState(int elemType) {
            this.elemType = elemType;
        }
    }

    private static AggregateDef minMax(boolean max) {
        return new AggregateDef(INTERNAL, true, (c, types) -> new Object[] {types[0], null}, (c, s, a) -> {
            Object[] st = (Object[]) s;
            if (st[1] == null) {
                st[1] = a[0];
            } else {
                int cmp = CompareFunctions.compare(c, (Integer) st[0], a[0], (Integer) st[0], st[1]);
                if (max ? cmp > 0 : cmp < 0) {
                    st[1] = a[0];
                }
            }
            return st;
        }, (c, s) -> ((Object[]) s)[1]);
    }

    private static AggregateDef boolAgg(boolean and) {
        return boxAgg(true, (c, s, a) -> {
            Box b = (Box) s;
            boolean v = (Boolean) a[0];
            b.value = b.value == null ? v : and ? (Boolean) b.value && v : (Boolean) b.value || v;
            return b;
        }, (c, s) -> ((Box) s).value);
    }

    private static AggregateDef jsonAgg(boolean jsonb) {
        return new AggregateDef(INTERNAL, false, (c, types) -> new ArrayState(types[0]), (c, s, a) -> {
            ((ArrayState) s).values.add(a[0]);
            return s;
        }, (c, s) -> {
            ArrayState st = (ArrayState) s;
            if (st.values.isEmpty()) {
                return null;
            }
            List<Object> items = new ArrayList<>();
            for (Object v : st.values) {
                items.add(JsonFunctions.toJsonTree(v, st.elemType, c.formats()));
            }
            return jsonb ? new Jsonb(items) : JsonFunctions.jsonText(items, false);
        });
    }
}
