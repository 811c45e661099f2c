package dev.tusk.access.transam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LsnTest {
    @Test
    void formatsAndParsesLikePostgres() {
        assertEquals("0/16B3740", Lsn.format(0x16B3740L));
        assertEquals("1A/0", Lsn.format(0x1AL << 32));
        assertEquals(0x2_0000_00FFL, Lsn.parse("2/FF"));
    }

    @Test
    void segmentNamesMatchXLogFileName() {
        assertEquals("000000010000000000000001", XLog.segmentFileName(1, 1, XLog.DEFAULT_SEGMENT_SIZE));
        assertEquals("000000010000000100000000", XLog.segmentFileName(1, 256, XLog.DEFAULT_SEGMENT_SIZE));
    }
}
