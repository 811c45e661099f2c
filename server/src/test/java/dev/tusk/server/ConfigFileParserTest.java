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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileParserTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void unitsQuotesAndComments() throws IOException {
        Path conf = write("postgresql.conf", """
                # a comment
                shared_buffers = 64MB          # 8192 buffers
                wal_writer_delay 1s
                bgwriter_delay = '50ms'
                Checkpoint_Timeout = 10min
                listen_addresses = 'it''s, \\'x\\''  # quoted
                max_wal_size = 2GB
                synchronous_commit = off
                full_page_writes = of
                """);
        Settings s = Settings.from(ConfigFileParser.parse(conf));
        assertEquals(8192, s.sharedBuffers());
        assertEquals(Duration.ofSeconds(1), s.walWriterDelay());
        assertEquals(Duration.ofMillis(50), s.bgWriterDelay());
        assertEquals(Duration.ofMinutes(10), s.checkpointTimeout());
        assertEquals("it's, 'x'", s.listenAddresses());
        assertEquals(2L << 30, s.maxWalSizeBytes());
        assertFalse(s.synchronousCommit());
        assertFalse(s.fullPageWrites());
        // wal_buffers = -1: 1/32 of shared_buffers
        assertEquals(8192 / 32 * 8192, s.walBuffersBytes());
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        Settings s = Settings.defaults();
        assertEquals(16384, s.sharedBuffers());
        assertEquals(5432, s.port());
        assertEquals("localhost", s.listenAddresses());
        assertEquals(Duration.ofMillis(200), s.walWriterDelay());
        assertEquals(Duration.ofMillis(200), s.bgWriterDelay());
        assertEquals(100, s.bgWriterLruMaxPages());
        assertEquals(Duration.ofMinutes(5), s.checkpointTimeout());
        assertEquals(1L << 30, s.maxWalSizeBytes());
        assertTrue(s.synchronousCommit());
        assertEquals(512 * 8192, s.walBuffersBytes());
    }

    @Test
    void includesAreRelativeToTheIncludingFileAndLaterWins() throws IOException {
        write("conf.d/a.conf", "port = 5433\n");
        write("conf.d/b.conf", "port = 5434\n");
        write("sub/extra.conf", "include 'deeper.conf'\n");
        write("sub/deeper.conf", "bgwriter_lru_maxpages = 7\n");
        Path conf = write("postgresql.conf", """
                port = 5000
                include 'sub/extra.conf'
                include_if_exists 'missing.conf'
                include_dir 'conf.d'
                """);
        List<ConfigFileParser.Entry> entries = ConfigFileParser.parse(conf);
        Settings s = Settings.from(entries);
        assertEquals(5434, s.port());
        assertEquals(7, s.bgWriterLruMaxPages());
        assertEquals(dir.resolve("sub/deeper.conf"), entries.get(1).file());
    }

    @Test
    void missingIncludeIsAnError() throws IOException {
        Path conf = write("postgresql.conf", "include 'nope.conf'\n");
        TuskException e = assertThrows(TuskException.class, () -> ConfigFileParser.parse(conf));
        assertEquals("could not open configuration file \"" + dir.resolve("nope.conf")
                + "\": No such file or directory", e.getMessage());
    }

    @Test
    void selfIncludeHitsTheNestingLimit() throws IOException {
        Path conf = write("postgresql.conf", "include 'postgresql.conf'\n");
        TuskException e = assertThrows(TuskException.class, () -> ConfigFileParser.parse(conf));
        assertTrue(e.getMessage().endsWith("maximum nesting depth exceeded"), e.getMessage());
    }

    @Test
    void badValuesGiveClearErrors() throws IOException {
        TuskException unit = assertThrows(TuskException.class,
                () -> Settings.from(ConfigFileParser.parse(write("a.conf", "shared_buffers = 12XB\n"))));
        assertEquals("invalid value for parameter \"shared_buffers\": \"12XB\"", unit.getMessage());
        assertEquals(ServerErrors.MEMORY_UNITS_HINT, unit.hint());
        assertEquals("In file \"" + dir.resolve("a.conf") + "\" line 1.", unit.detail());
        assertEquals(SqlState.INVALID_PARAMETER_VALUE, unit.sqlState());

        TuskException range = assertThrows(TuskException.class,
                () -> Settings.from(ConfigFileParser.parse(write("b.conf", "\ncheckpoint_timeout = 10s\n"))));
        assertEquals("10 s is outside the valid range for parameter \"checkpoint_timeout\" (30 .. 86400)",
                range.getMessage());

        TuskException bool = assertThrows(TuskException.class,
                () -> Settings.from(ConfigFileParser.parse(write("c.conf", "full_page_writes = maybe\n"))));
        assertEquals("parameter \"full_page_writes\" requires a Boolean value", bool.getMessage());

        TuskException syntax = assertThrows(TuskException.class,
                () -> ConfigFileParser.parse(write("d.conf", "port = 5432 5433\n")));
        assertEquals("syntax error in file \"" + dir.resolve("d.conf") + "\" line 1, near token \"5433\"",
                syntax.getMessage());

        TuskException quote = assertThrows(TuskException.class,
                () -> ConfigFileParser.parse(write("e.conf", "listen_addresses = 'open\n")));
        assertTrue(quote.getMessage().endsWith("near end of line"), quote.getMessage());
    }

    @Test
    void initdbsSampleFileParsesToTheDefaults() throws IOException {
        Path conf = write("postgresql.conf", ConfigTemplates.postgresqlConf());
        assertEquals(Settings.defaults(), Settings.from(ConfigFileParser.parse(conf)));
    }
}
