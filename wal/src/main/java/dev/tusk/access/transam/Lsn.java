package dev.tusk.access.transam;

/**
 * Log sequence numbers are plain {@code long} byte positions in the WAL stream (PostgreSQL's
 * {@code XLogRecPtr}); this class only formats and parses them as PostgreSQL does ({@code 0/16B3740}).
 */
public final class Lsn {
    /** InvalidXLogRecPtr. */
    public static final long INVALID = 0L;

    private Lsn() {
    }

    /** {@code %X/%X} as in pg_controldata and pg_current_wal_lsn(). */
    public static String format(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
                + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase(java.util.Locale.ROOT);
    }

    /** Parses {@code X/X}. */
    public static long parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid LSN: " + text);
        }
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }
}
