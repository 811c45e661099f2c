package dev.tusk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {
    @TempDir
    Path dir;

    private void writeLock(long pid) throws IOException {
        Files.writeString(dir.resolve(PidFile.NAME), pid + "\n" + dir + "\n0\n5432\n\nlocalhost\n        0         0\nready   \n");
    }

    @Test
    void writesPostgresLayoutAndRemovesItOnClose() throws IOException {
        try (PidFile lock = PidFile.acquire(dir, 5433, "localhost")) {
            List<String> lines = Files.readAllLines(lock.path());
            assertEquals(8, lines.size());
            assertEquals(Long.toString(ProcessHandle.current().pid()), lines.get(0));
            assertEquals(dir.toAbsolutePath().normalize().toString(), lines.get(1));
            assertEquals("5433", lines.get(3));
            assertEquals(PidFile.STARTING, lines.get(7));
            lock.setStatus(PidFile.READY);
            assertEquals("ready   ", Files.readAllLines(lock.path()).get(7));
        }
        assertFalse(Files.exists(dir.resolve(PidFile.NAME)));
    }

    @Test
    void refusesALiveProcess() throws Exception {
        Process live = new ProcessBuilder("sleep", "60").start();
        try {
            writeLock(live.pid());
            TuskException e = assertThrows(TuskException.class, () -> PidFile.acquire(dir, 5432, "localhost"));
            assertEquals(SqlState.LOCK_FILE_EXISTS, e.sqlState());
            assertEquals("lock file \"postmaster.pid\" already exists", e.getMessage());
            assertEquals("Is another postmaster (PID " + live.pid() + ") running in data directory \"" + dir + "\"?",
                    e.hint());
            assertEquals(Long.toString(live.pid()), Files.readAllLines(dir.resolve(PidFile.NAME)).get(0));
        } finally {
            live.destroy();
        }
    }

    @Test
    void refusesASecondLockInThisProcess() {
        try (PidFile first = PidFile.acquire(dir, 5432, "localhost")) {
            TuskException e = assertThrows(TuskException.class, () -> PidFile.acquire(dir, 5432, "localhost"));
            assertEquals(SqlState.LOCK_FILE_EXISTS, e.sqlState());
            assertTrue(Files.exists(first.path()), "the refused attempt must not remove the held lock");
        }
    }

    @Test
    void replacesAStaleFile() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor(30, TimeUnit.SECONDS);
        writeLock(dead.pid());
        try (PidFile lock = PidFile.acquire(dir, 5432, "localhost")) {
            assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readAllLines(lock.path()).get(0));
        }
    }
}
