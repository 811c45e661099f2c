package dev.tusk.access.transam;

/**
 * The messages of the WAL subsystem in one place, worded as PostgreSQL words them where it has a message
 * (xlog.c, xlogreader.c, controldata_utils.c).
 */
final class WalErrors {
    private WalErrors() {
    }

    static WalException couldNotOpenSegment(String displayName) {
        return new WalException("could not open WAL segment \"" + displayName + "\": No such file or directory");
    }

    static WalException segmentWrongSize(String displayName, long actual, long expected) {
        return new WalException("WAL segment \"" + displayName + "\" has size " + actual + ", expected " + expected);
    }

    static WalException segmentIo(String action, String displayName, Throwable cause) {
        return new WalException("could not " + action + " WAL segment \"" + displayName + "\": " + cause.getMessage(),
                cause);
    }

    static WalException walDirIo(String action, Object dir, Throwable cause) {
        return new WalException("could not " + action + " WAL directory \"" + dir + "\": " + cause.getMessage(), cause);
    }

    static WalException recordTooLarge(long length, long walBuffers) {
        return new WalException("WAL record of " + length + " bytes does not fit in wal_buffers of " + walBuffers
                + " bytes");
    }

    static WalException closed() {
        return new WalException("WAL is closed");
    }

    /** readAt() found no valid record; the reason is the reader's (PostgreSQL's errormsg_buf). */
    static WalException invalidRecord(String reason) {
        return new WalException(reason);
    }

    static WalException malformedRecord(long lsn, String what) {
        return new WalException("invalid WAL record at " + Lsn.format(lsn) + ": " + what);
    }

    static WalException controlFileMissing(String displayName) {
        return new WalException("could not open file \"" + displayName + "\": No such file or directory");
    }

    static WalException controlFileIo(String action, String displayName, Throwable cause) {
        return new WalException("could not " + action + " file \"" + displayName + "\": " + cause.getMessage(), cause);
    }

    static WalException controlFileShort(String displayName, long read, long wanted) {
        return new WalException("could not read file \"" + displayName + "\": read " + read + " of " + wanted);
    }

    static WalException controlFileChecksum() {
        return new WalException("incorrect checksum in control file");
    }

    static WalException invalidCheckpointRecord(int length, int wanted) {
        return new WalException("invalid checkpoint record: length " + length + ", expected " + wanted);
    }

    // Reasons the reader stops at the end of valid WAL (not exceptions: the end of WAL is normal).

    static String invalidLength(long lsn, int wanted, int got) {
        return "invalid record length at " + Lsn.format(lsn) + ": wanted " + wanted + ", got " + got;
    }

    static String tooLong(long lsn, int length) {
        return "record length " + Integer.toUnsignedString(length) + " at " + Lsn.format(lsn) + " too long";
    }

    static String wrongStartLsn(long lsn, long found) {
        return "record with incorrect start LSN " + Lsn.format(found) + " at " + Lsn.format(lsn);
    }

    static String badChecksum(long lsn) {
        return "incorrect resource manager data checksum in record at " + Lsn.format(lsn);
    }

    static String cutShort(long lsn) {
        return "record at " + Lsn.format(lsn) + " continues past the end of WAL";
    }
}
