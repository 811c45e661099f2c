package dev.tusk.catalog;

import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.StorageEngine;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CREATE DATABASE's FILE_COPY strategy and DROP DATABASE's file removal (dbcommands.c).
 *
 * <p>Crash safety without a WAL record of its own: a checkpoint first writes every dirty buffer of the template
 * and moves the redo point past all earlier changes; the copy is then fsynced (files and directory) before the
 * pg_database row can commit. A crash before that commit leaves an unreferenced directory (removed at abort
 * when the transaction aborts normally); after it, redo starts at or after the checkpoint and only replays
 * changes made to the new database after its files were complete.
 */
final class DatabaseFiles {
    private DatabaseFiles() {
    }

    static Path dir(StorageEngine engine, int dbOid) {
        return engine.dataDir().resolve("base").resolve(Integer.toUnsignedString(dbOid));
    }

    /** Copies database {@code from}'s files to a new directory for {@code to}; removed again if {@code tx} aborts. */
    static void copy(StorageEngine engine, Transaction tx, int from, int to) {
        engine.createCheckPoint(false);
        Path src = dir(engine, from);
        Path dst = dir(engine, to);
        try {
            Files.createDirectories(dst);
            try (Stream<Path> files = Files.list(src)) {
                for (Path f : files.toList()) {
                    Path target = dst.resolve(f.getFileName());
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                    fsync(target, false);
                }
            }
            fsync(dst, true);
            fsync(dst.getParent(), true);
        } catch (IOException e) {
            throw new TuskException(SqlState.IO_ERROR, "could not copy database directory \"" + src + "\" to \""
                    + dst + "\": " + e.getMessage(), e);
        }
        for (int rel : relNumbers(dst)) {
            tx.addPendingDelete(RelFileLocator.of(to, rel), false);
        }
    }

    /** Every relation file of database {@code dbOid} is removed when {@code tx} commits. */
    static void dropAtCommit(StorageEngine engine, Transaction tx, int dbOid) {
        tx.getOrAssignXid();
        for (int rel : relNumbers(dir(engine, dbOid))) {
            tx.addPendingDelete(RelFileLocator.of(dbOid, rel), true);
        }
    }

    /** The relfilenodes present in a database directory ({@code 16384}, {@code 16384_fsm}, {@code 16384.1}...). */
    static Set<Integer> relNumbers(Path dir) {
        Set<Integer> out = new LinkedHashSet<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                int end = 0;
                while (end < n.length() && Character.isDigit(n.charAt(end))) {
                    end++;
                }
                if (end > 0) {
                    out.add(Integer.parseUnsignedInt(n.substring(0, end)));
                }
            }
        } catch (IOException e) {
            throw new TuskException(SqlState.IO_ERROR, "could not read directory \"" + dir + "\": " + e.getMessage(),
                    e);
        }
        return out;
    }

    /** fsyncs every file of a directory and the directory itself (initdb's fsync_pgdata for one database). */
    static void syncDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                fsync(f, false);
            }
            fsync(dir, true);
            fsync(dir.getParent(), true);
        } catch (IOException e) {
            throw new TuskException(SqlState.IO_ERROR, "could not fsync \"" + dir + "\": " + e.getMessage(), e);
        }
    }

    private static void fsync(Path p, boolean directory) throws IOException {
        try (FileChannel ch = FileChannel.open(p, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
