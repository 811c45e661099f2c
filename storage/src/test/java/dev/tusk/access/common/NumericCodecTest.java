package dev.tusk.access.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumericCodecTest {
    private static final TupleDesc DESC = TupleDesc.of(Attribute.of("a", AttrType.INT2),
            Attribute.of("n", AttrType.NUMERIC), Attribute.of("m", AttrType.NUMERIC), Attribute.of("b", AttrType.INT8));

    @Test
    void tupleRoundTripKeepsValueScaleAndSpecials() {
        Object[][] rows = {
            {(short) 1, new BigDecimal("123456789012345678901234567890.000000001"), NumericSpecial.NAN, 7L},
            {(short) 2, new BigDecimal("-0.00"), null, 8L},
            {(short) 3, new BigDecimal("1E+30"), NumericSpecial.NEGATIVE_INFINITY, null},
            {null, BigDecimal.ZERO, NumericSpecial.POSITIVE_INFINITY, -1L},
        };
        try (Arena arena = Arena.ofConfined()) {
            for (Object[] row : rows) {
                MemorySegment seg = arena.allocate(TupleCodec.dataSize(DESC, row) + 64);
                TupleCodec.writeNullBitmap(row, seg, 0);
                TupleCodec.writeData(DESC, row, seg, 8);
                Object[] back = TupleCodec.readData(DESC, seg, 0, 8);
                for (int i = 0; i < row.length; i++) {
                    assertEquals(row[i], back[i], "column " + i);
                }
            }
        }
    }

    @Test
    void compareOrdersByValueWithSpecialsOutside() {
        assertEquals(0, AttrType.NUMERIC.compare(new BigDecimal("2.0"), new BigDecimal("2")));
        assertTrue(AttrType.NUMERIC.compare(new BigDecimal("-5"), new BigDecimal("-4.9999")) < 0);
        assertTrue(AttrType.NUMERIC.compare(NumericSpecial.NEGATIVE_INFINITY, new BigDecimal("-1E+100")) < 0);
        assertTrue(AttrType.NUMERIC.compare(NumericSpecial.POSITIVE_INFINITY, new BigDecimal("1E+100")) > 0);
        assertTrue(AttrType.NUMERIC.compare(NumericSpecial.NAN, NumericSpecial.POSITIVE_INFINITY) > 0);
        assertEquals(0, AttrType.NUMERIC.compare(NumericSpecial.NAN, NumericSpecial.NAN));
        assertEquals(1700, AttrType.NUMERIC.typeOid());
    }
}
