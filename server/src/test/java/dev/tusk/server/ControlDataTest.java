package dev.tusk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tusk.access.transam.ControlFileData;
import dev.tusk.access.transam.DbState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlDataTest {
    @Test
    void labelsAreAlignedAsPgControldata() {
        ControlFileData c = new ControlFileData(ControlFileData.PG_CONTROL_VERSION, ControlFileData.CATALOG_VERSION,
                7711299152602312681L, DbState.IN_PRODUCTION, 0, 0x1500710L, 0x1500710L, 1, true, 724, 13572, 0,
                8192, 16 * 1024 * 1024, 1);
        List<String> lines = ControlData.lines(c);
        assertEquals("Database cluster state:               in production", lines.get(3));
        assertEquals("Latest checkpoint location:           0/1500710", lines.get(5));
        assertEquals("Latest checkpoint's REDO WAL file:    000000010000000000000001", lines.get(7));
        assertEquals("Latest checkpoint's full_page_writes: on", lines.get(9));
        assertEquals("Latest checkpoint's NextXID:          0:724", lines.get(10));
        assertEquals("Latest checkpoint's NextOID:          13572", lines.get(11));
        assertEquals("Data page checksum version:           1", lines.get(16));
    }
}
