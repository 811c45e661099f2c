package dev.tusk.access.transam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlFileTest {
    @TempDir
    Path dataDir;

    private static ControlFileData sample() {
        return new ControlFileData(ControlFileData.PG_CONTROL_VERSION, ControlFileData.CATALOG_VERSION,
                7_312_345_678_901_234_567L, DbState.IN_PRODUCTION, 1_700_000_000_123L, 0x1_0000_0028L, 0x1_0000_0000L,
                3, true, 751L, 16_400L, 1_700_000_000_000L, 8192, 16 * 1024 * 1024, 1);
    }

    @Test
    void roundTripsThroughOneFixedSizeBlock() throws IOException {
        ControlFileData d = sample();
        ControlFile.write(dataDir, d);
        assertEquals(8192, Files.size(ControlFile.path(dataDir)));
        assertEquals(d, ControlFile.read(dataDir));
        ControlFileData shut = d.withCheckpoint(DbState.SHUTDOWNED, 0x2_0000_0100L, 0x2_0000_0100L, 900, 17_000,
                1_700_000_100_000L);
        ControlFile.write(dataDir, shut);
        assertEquals(shut, ControlFile.read(dataDir));
        assertEquals(8192, Files.size(ControlFile.path(dataDir)));
    }

    @Test
    void corruptedByteIsDetected() throws IOException {
        ControlFile.write(dataDir, sample());
        try (FileChannel ch = FileChannel.open(ControlFile.path(dataDir), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0x77}), 45);
        }
        WalException e = assertThrows(WalException.class, () -> ControlFile.read(dataDir));
        assertEquals("incorrect checksum in control file", e.getMessage());
    }

    @Test
    void missingFileIsAClearError() {
        WalException e = assertThrows(WalException.class, () -> ControlFile.read(dataDir));
        assertTrue(e.getMessage().contains("\"global/pg_control\""), e.getMessage());
        assertTrue(e.getMessage().contains("No such file"), e.getMessage());
    }

    @Test
    void checkPointRecordPayloadRoundTrips() {
        CheckPoint online = new CheckPoint(0x1_0000_0028L, 2, 1234L, 16_385L, 1_700_000_000_000L, false);
        CheckPoint shutdown = new CheckPoint(0x28L, 1, 3L, 16_384L, 1L, true);
        assertEquals(online, CheckPoint.decode(online.encode()));
        assertEquals(shutdown, CheckPoint.decode(shutdown.encode()));
        assertEquals(CheckPoint.XLOG_CHECKPOINT_ONLINE, online.xlogInfo());
        assertEquals(CheckPoint.XLOG_CHECKPOINT_SHUTDOWN, shutdown.xlogInfo());
        assertThrows(WalException.class, () -> CheckPoint.decode(new byte[12]));
    }
}
