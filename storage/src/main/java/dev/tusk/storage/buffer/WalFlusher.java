package dev.tusk.storage.buffer;

/**
 * What the buffer pool needs from the WAL to honour the WAL-before-data rule: before a dirty page with
 * LSN {@code pageLsn} is written, WAL must be durable up to it. Implemented by {@code XLog::flush}.
 */
@FunctionalInterface
public interface WalFlusher {
    void flush(long upTo);
}
