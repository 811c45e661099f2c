package dev.tusk.storage.smgr;

import dev.tusk.storage.page.Page;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/** The storage manager's error messages, in PostgreSQL's {@code md.c} wording (one place for each string). */
public final class SmgrErrors {
    private SmgrErrors() {
    }

    /** mdread's short read: the block lies (partly) beyond the end of the file. */
    public static TuskException shortRead(long blockNo, String file, int got) {
        return new TuskException(SqlState.DATA_CORRUPTED, "could not read block %d in file \"%s\": read only %d of %d bytes"
                .formatted(blockNo, file, got, Page.BLCKSZ));
    }

    public static TuskException readFailed(long blockNo, String file, IOException e) {
        return new TuskException(codeFor(e), "could not read block %d in file \"%s\": %s"
                .formatted(blockNo, file, reason(e)), e);
    }

    public static TuskException writeFailed(long blockNo, String file, IOException e) {
        return new TuskException(codeFor(e), "could not write block %d in file \"%s\": %s"
                .formatted(blockNo, file, reason(e)), e);
    }

    public static TuskException openFailed(String file, IOException e) {
        return new TuskException(codeFor(e), "could not open file \"%s\": %s".formatted(file, reason(e)), e);
    }

    public static TuskException createFailed(String file, IOException e) {
        return new TuskException(codeFor(e), "could not create file \"%s\": %s".formatted(file, reason(e)), e);
    }

    public static TuskException truncateFailed(String file, long nblocks, IOException e) {
        return new TuskException(codeFor(e), "could not truncate file \"%s\" to %d blocks: %s"
                .formatted(file, nblocks, reason(e)), e);
    }

    public static TuskException truncateBeyondEnd(String file, long nblocks, long current) {
        return new TuskException(SqlState.INTERNAL_ERROR, "could not truncate file \"%s\" to %d blocks: it's only %d blocks now"
                .formatted(file, nblocks, current));
    }

    public static TuskException removeFailed(String file, IOException e) {
        return new TuskException(codeFor(e), "could not remove file \"%s\": %s".formatted(file, reason(e)), e);
    }

    public static TuskException fsyncFailed(String file, IOException e) {
        return new TuskException(SqlState.IO_ERROR, "could not fsync file \"%s\": %s".formatted(file, reason(e)), e);
    }

    /** errcode_for_file_access: ENOENT and EEXIST have their own SQLSTATEs, the rest is an I/O error. */
    private static SqlState codeFor(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> SqlState.UNDEFINED_FILE;
            case FileAlreadyExistsException x -> SqlState.DUPLICATE_FILE;
            default -> SqlState.IO_ERROR;
        };
    }

    /** strerror-like text (%m). */
    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> "No such file or directory";
            case FileAlreadyExistsException x -> "File exists";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
