package dev.tusk.access.transam;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads and writes {@code global/pg_control} (PostgreSQL's {@code ReadControlFile}/{@code UpdateControlFile}).
 *
 * <p>The file is one 8192-byte block (PG_CONTROL_FILE_SIZE). Its used prefix of {@value #USED_SIZE} bytes,
 * well under one 512-byte sector so that the in-place write is atomic on disk, holds the fields of
 * {@link ControlFileData} little-endian and ends with a CRC32C of the bytes before it; the rest is zeros.
 * Writing overwrites the block in place and fsyncs it; reading verifies the CRC and fails with
 * "incorrect checksum in control file" when it does not match.
 *
 * <pre>
 *  0 long systemIdentifier   8 int pgControlVersion   12 int catalogVersion   16 int state   20 int (0)
 * 24 long time   32 long checkPoint   40 long redo   48 int timeline   52 byte fullPageWrites, 3 bytes (0)
 * 56 long nextXid   64 long nextOid   72 long checkpointTime   80 int blockSize   84 int walSegmentSize
 * 88 int dataChecksumVersion   92 int CRC32C of bytes [0, 92)
 * </pre>
 */
public final class ControlFile {
    /** PG_CONTROL_FILE_SIZE. */
    static final int FILE_SIZE = 8192;
    static final int CRC_OFFSET = 92;
    static final int USED_SIZE = CRC_OFFSET + 4;
    private static final String DISPLAY_NAME = "global/pg_control";
    private static final DbState[] STATES = DbState.values();

    private ControlFile() {
    }

    /** Path of pg_control inside a data directory. */
    public static Path path(Path dataDir) {
        return dataDir.resolve("global").resolve("pg_control");
    }

    /** ReadControlFile: the contents, after checking the CRC. */
    public static ControlFileData read(Path dataDir) {
        ByteBuffer buf = ByteBuffer.allocate(USED_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(path(dataDir), StandardOpenOption.READ)) {
            while (buf.hasRemaining()) {
                if (ch.read(buf, buf.position()) < 0) {
                    throw WalErrors.controlFileShort(DISPLAY_NAME, buf.position(), USED_SIZE);
                }
            }
        } catch (NoSuchFileException e) {
            throw WalErrors.controlFileMissing(DISPLAY_NAME);
        } catch (IOException e) {
            throw WalErrors.controlFileIo("read", DISPLAY_NAME, e);
        }
        if (crc(buf.array()) != buf.getInt(CRC_OFFSET)) {
            throw WalErrors.controlFileChecksum();
        }
        int state = buf.getInt(16);
        if (state < 0 || state >= STATES.length) {
            throw WalErrors.controlFileChecksum();
        }
        return new ControlFileData(buf.getInt(8), buf.getInt(12), buf.getLong(0), STATES[state], buf.getLong(24),
                buf.getLong(32), buf.getLong(40), buf.getInt(48), buf.get(52) != 0, buf.getLong(56), buf.getLong(64),
                buf.getLong(72), buf.getInt(80), buf.getInt(84), buf.getInt(88));
    }

    /** UpdateControlFile: overwrites the block in place and fsyncs it (and the directory when it is new). */
    public static void write(Path dataDir, ControlFileData data) {
        byte[] block = encode(data);
        Path file = path(dataDir);
        try {
            Files.createDirectories(file.getParent());
            boolean created = !Files.exists(file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ByteBuffer src = ByteBuffer.wrap(block);
                while (src.hasRemaining()) {
                    ch.write(src, src.position());
                }
                ch.force(false);
            }
            if (created) {
                try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                    dir.force(true);
                }
            }
        } catch (IOException e) {
            throw WalErrors.controlFileIo("write", DISPLAY_NAME, e);
        }
    }

    static byte[] encode(ControlFileData d) {
        byte[] block = new byte[FILE_SIZE];
        ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(d.systemIdentifier()).putInt(d.pgControlVersion()).putInt(d.catalogVersion())
                .putInt(d.state().ordinal()).putInt(0);
        b.putLong(d.time()).putLong(d.checkPoint()).putLong(d.redo()).putInt(d.timeline())
                .put((byte) (d.fullPageWrites() ? 1 : 0)).put((byte) 0).putShort((short) 0);
        b.putLong(d.nextXid()).putLong(d.nextOid()).putLong(d.checkpointTime()).putInt(d.blockSize())
                .putInt(d.walSegmentSize()).putInt(d.dataChecksumVersion());
        b.putInt(CRC_OFFSET, crc(block));
        return block;
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, CRC_OFFSET);
        return (int) crc.getValue();
    }
}
