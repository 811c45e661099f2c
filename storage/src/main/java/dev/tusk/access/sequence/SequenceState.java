package dev.tusk.access.sequence;

/**
 * The row a sequence relation holds (PostgreSQL's {@code FormData_pg_sequence_data}), what
 * {@code SELECT * FROM seq} shows: the last value handed out or reserved by some session, how many values
 * beyond it are already covered by WAL, and whether {@code last_value} itself was handed out.
 */
public record SequenceState(long lastValue, long logCnt, boolean isCalled) {
}
