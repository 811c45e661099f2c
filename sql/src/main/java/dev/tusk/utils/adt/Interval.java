package dev.tusk.utils.adt;

/**
 * An {@code interval} value as PostgreSQL stores it: months, days and microseconds kept apart (a month is not
 * 30 days until a comparison or justify_* says so).
 */
public record Interval(int months, int days, long micros) {
    public static final Interval ZERO = new Interval(0, 0, 0);
    static final long MICROS_PER_DAY = 86_400_000_000L;

    /**
     * The span in microseconds used for comparison and hashing (interval_cmp_value: 30-day months, 24-hour
     * days); a BigInteger because the sum can exceed 64 bits, as PostgreSQL's 128-bit value can.
     */
    public java.math.BigInteger comparisonKey() {
        return java.math.BigInteger.valueOf(months).multiply(java.math.BigInteger.valueOf(30 * MICROS_PER_DAY))
                .add(java.math.BigInteger.valueOf(days).multiply(java.math.BigInteger.valueOf(MICROS_PER_DAY)))
                .add(java.math.BigInteger.valueOf(micros));
    }

    /** interval_cmp. */
    public int compareTo(Interval other) {
        return comparisonKey().compareTo(other.comparisonKey());
    }
}
