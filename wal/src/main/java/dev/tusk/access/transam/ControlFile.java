package dev.tusk.access.transam;

import java.nio.file.Path;

/**
 * Reads and writes {@code global/pg_control} (PostgreSQL's {@code ReadControlFile}/{@code UpdateControlFile}).
 *
 * <p>API CONTRACT (stub): the file is one 8192-byte block whose used prefix (well under 512 bytes, so a
 * single sector write is atomic) ends with a CRC32C; write = write in place + fsync; a bad CRC on read is
 * a {@link WalException} "incorrect checksum in control file".
 */
public final class ControlFile {
    private ControlFile() {
    }

    /** Path of pg_control inside a data directory. */
    public static Path path(Path dataDir) {
        return dataDir.resolve("global").resolve("pg_control");
    }

    public static ControlFileData read(Path dataDir) {
        throw new UnsupportedOperationException("ControlFile.read not implemented yet");
    }

    public static void write(Path dataDir, ControlFileData data) {
        throw new UnsupportedOperationException("ControlFile.write not implemented yet");
    }
}
