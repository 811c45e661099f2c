package dev.tusk.tcop;

/**
 * Where a running portal sends its output. Calls block when the client is slow (backpressure), so the
 * executor never runs ahead of the socket by more than a bounded buffer.
 */
public interface ResultSink {
    /** One DataRow: each field already encoded in its column's format; null = SQL NULL. */
    void row(byte[][] fields);

    /** COPY TO STDOUT begins: CopyOutResponse with the overall format (0 text, 1 binary) and column count. */
    void copyOutStart(short format, int columnCount);

    /** One CopyData message of COPY TO STDOUT. */
    void copyData(byte[] data);

    /** A NoticeResponse raised while running (e.g. "table does not exist, skipping"). */
    void notice(dev.tusk.utils.error.TuskException notice);
}
