package dev.tusk.utils.adt;

import static dev.tusk.utils.adt.Eval.aggregate;
import static dev.tusk.utils.adt.Eval.callSet;
import static dev.tusk.utils.adt.Eval.out;
import static dev.tusk.utils.adt.Eval.t;
import static dev.tusk.utils.adt.Eval.v;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tusk.access.common.AttrType;
import dev.tusk.utils.fmgr.FunctionRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Aggregates (result types and values as PostgreSQL 15 gives them), set-returning functions, storage forms. */
class AggregatesAndSeriesTest {
    @Test
    void aggregatesOverIntegersWithNulls() {
        Object[] rows = {1, 2, null, 4};
        Eval.Typed sum = aggregate("sum", TypeOids.INT4, rows);
        assertEquals(TypeOids.INT8, sum.type());
        assertEquals(7L, sum.value());
        Eval.Typed avg = aggregate("avg", TypeOids.INT4, rows);
        assertEquals(TypeOids.NUMERIC, avg.type());
        assertEquals("2.3333333333333333", out(avg));
        assertEquals(1, aggregate("min", TypeOids.INT4, rows).value());
        assertEquals(4, aggregate("max", TypeOids.INT4, rows).value());
        assertEquals(3L, aggregate("count", TypeOids.INT4, rows).value());
        var countStar = FunctionRegistry.builtin().resolve("count", new int[0]).function().aggregate();
        Object st = countStar.init().create(Eval.ctx, new int[0]);
        for (int i = 0; i < 4; i++) {
            st = countStar.transition().advance(Eval.ctx, st, new Object[0]);
        }
        assertEquals(4L, countStar.finish().result(Eval.ctx, st));
        assertEquals("{1,2,NULL,4}", out(aggregate("array_agg", TypeOids.INT4, rows)));
        assertEquals(2147483648L, aggregate("sum", TypeOids.INT4, Integer.MAX_VALUE, 1).value());
        assertEquals(TypeOids.NUMERIC, aggregate("sum", TypeOids.INT8, 1L).type());
        assertNull(aggregate("sum", TypeOids.INT4).value());
        assertEquals(0L, aggregate("count", TypeOids.INT4).value());
        assertEquals(2.3333333333333335, aggregate("avg", TypeOids.FLOAT8, 1.0, 2.0, 4.0).value());
        assertEquals(Boolean.TRUE, aggregate("bool_and", TypeOids.BOOL, true, null, true).value());
        assertEquals("b", aggregate("max", TypeOids.TEXT, "a", "b").value());
    }

    @Test
    void stringAgg() {
        var agg = FunctionRegistry.builtin().resolve("string_agg", new int[] {TypeOids.TEXT, TypeOids.TEXT})
                .function().aggregate();
        Object st = agg.init().create(Eval.ctx, new int[] {TypeOids.TEXT, TypeOids.TEXT});
        for (Object v : new Object[] {"1", "2", null, "4"}) {
            st = agg.transition().advance(Eval.ctx, st, new Object[] {v, ","});
        }
        assertEquals("1,2,4", agg.finish().result(Eval.ctx, st));
    }

    @Test
    void generateSeries() {
        assertEquals(List.of(1, 2, 3), callSet("generate_series", t(1, TypeOids.INT4), t(3, TypeOids.INT4)));
        assertEquals(List.of(10L, 7L, 4L), callSet("generate_series", t(10L, TypeOids.INT8), t(2L, TypeOids.INT8),
                t(-3L, TypeOids.INT8)));
        assertEquals(List.of(new BigDecimal("1.5"), new BigDecimal("2.0")), callSet("generate_series",
                v("1.5", TypeOids.NUMERIC), v("2.2", TypeOids.NUMERIC), v("0.5", TypeOids.NUMERIC)));
        List<Object> ts = callSet("generate_series", v("2024-01-01", TypeOids.TIMESTAMP),
                v("2024-01-02", TypeOids.TIMESTAMP), v("12 hours", TypeOids.INTERVAL));
        assertEquals(3, ts.size());
        assertEquals("2024-01-01 12:00:00", TypeIo.textOut(TypeOids.TIMESTAMP, ts.get(1), SessionFormats.DEFAULT));
    }

    @Test
    void miscFunctions() {
        assertEquals(true, out(Eval.call("version")).startsWith("PostgreSQL 15."));
        Eval.Typed ty = Eval.call("pg_typeof", v("1.5", TypeOids.NUMERIC));
        assertEquals(TypeOids.REGTYPE, ty.type());
        assertEquals("numeric", out(ty));
        assertEquals(TypeOids.UUID, Eval.call("gen_random_uuid").type());
        long[] sizes = {0, 1023, 10240, 10485760, 123456789, -20480};
        String[] pretty = {"0 bytes", "1023 bytes", "10 kB", "10 MB", "118 MB", "-20 kB"};
        for (int i = 0; i < sizes.length; i++) {
            assertEquals(pretty[i], out(Eval.call("pg_size_pretty", t(sizes[i], TypeOids.INT8))));
        }
        assertEquals("1397 GB", out(Eval.call("pg_size_pretty", v("1.5e12", TypeOids.NUMERIC))));
        assertEquals("UTF8", out(Eval.call("pg_encoding_to_char", t(6, TypeOids.INT4))));
    }

    @Test
    void storageFormsRoundTripAndKeepOrder() {
        assertEquals(AttrType.INT4, StorageForms.attrType(TypeOids.DATE));
        assertEquals(AttrType.INT8, StorageForms.attrType(TypeOids.TIMESTAMPTZ));
        Object d = StorageForms.toStorage(TypeOids.DATE, LocalDate.of(2024, 1, 2));
        assertEquals(8767, d); // date_send gives 0x0000223f
        assertEquals(LocalDate.of(2024, 1, 2), StorageForms.fromStorage(TypeOids.DATE, d));
        UUID u = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertEquals(u, StorageForms.fromStorage(TypeOids.UUID, StorageForms.toStorage(TypeOids.UUID, u)));
        Object arr = TypeIo.textIn(TypeOids.TEXT_ARRAY, "{a,NULL}", -1, SessionFormats.DEFAULT);
        assertEquals(arr, StorageForms.fromStorage(TypeOids.TEXT_ARRAY, StorageForms.toStorage(TypeOids.TEXT_ARRAY, arr)));
        assertEquals(AttrType.NUMERIC, StorageForms.attrType(TypeOids.NUMERIC));
        assertEquals(NumericType.NaN, StorageForms.fromStorage(TypeOids.NUMERIC,
                StorageForms.toStorage(TypeOids.NUMERIC, NumericType.NaN)));
        Object n = StorageForms.toStorage(TypeOids.NUMERIC, new BigDecimal("1.50"));
        assertEquals(new BigDecimal("1.50"), StorageForms.fromStorage(TypeOids.NUMERIC, n));
        Object iv = TypeIo.textIn(TypeOids.INTERVAL, "1 day", -1, SessionFormats.DEFAULT);
        assertEquals(iv, StorageForms.fromStorage(TypeOids.INTERVAL, StorageForms.toStorage(TypeOids.INTERVAL, iv)));
        Object a = StorageForms.toStorage(TypeOids.TIMESTAMP, TypeIo.textIn(TypeOids.TIMESTAMP, "1999-12-31 23:59",
                -1, SessionFormats.DEFAULT));
        Object b = StorageForms.toStorage(TypeOids.TIMESTAMP, TypeIo.textIn(TypeOids.TIMESTAMP, "2000-01-01 00:01",
                -1, SessionFormats.DEFAULT));
        assertEquals(-1, AttrType.INT8.compare(a, b));
    }
}
