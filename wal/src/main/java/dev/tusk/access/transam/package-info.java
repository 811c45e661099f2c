/**
 * The write-ahead log (PostgreSQL's {@code access/transam/xlog*.c}): record format, WAL buffers, segment
 * files, flushing, reading, the control file and the checkpoint record payload.
 *
 * <h2>Format</h2>
 * <ul>
 * <li>An LSN is a byte position in one endless WAL stream (a plain {@code long}). The stream is cut into
 *     segment files of {@code wal_segment_size} bytes (a power of two; 16 MB by default) under {@code pg_wal/},
 *     named as PostgreSQL's {@code XLogFileName}: segment {@code n} holds {@code [n*size, (n+1)*size)}.</li>
 * <li>Records follow each other with no page headers; each starts on an 8-byte boundary and may run across
 *     segment ends. Header: total length, CRC32C, the record's own start LSN, xid, rmid, info, block count,
 *     main data length; then the block headers, the block images (the pd_lower..pd_upper hole left out) and
 *     data, then the main data (see {@code XLogRecordFormat}). All little-endian.</li>
 * <li>{@code global/pg_control} is one 8192-byte block whose used prefix ends with a CRC32C
 *     ({@link dev.tusk.access.transam.ControlFile}).</li>
 * </ul>
 *
 * <h2>Invariants</h2>
 * <ul>
 * <li>A record is valid only if its length is sane, its stored start LSN equals the position it is read at
 *     and its CRC32C matches. The first position where this fails is the end of WAL; bytes there and beyond
 *     are never interpreted. A missing segment that the log needs, or a segment file that is not exactly the
 *     segment size, is an error ({@link dev.tusk.access.transam.WalException}), never an end of WAL.</li>
 * <li>Segment files only appear at their full size (temp file, sized, fsynced, renamed). When the log is
 *     opened at the end of valid WAL, the rest of that segment is zeroed and later segments of the timeline
 *     are removed, so stale records of an earlier run can never reappear behind new ones.</li>
 * <li>The WAL rule: a data page may reach disk only after {@link dev.tusk.access.transam.XLog#flush} has made
 *     the WAL durable up to the page's LSN (the end LSN returned by insert). {@code flushLsn() <=
 *     written position <= copied-in position <= insertLsn()} always holds.</li>
 * <li>Full-page images: a block gets one when FORCE_IMAGE is set, or when neither NO_IMAGE nor WILL_INIT is
 *     set and its page LSN is at or before the redo pointer in force when the record's space is reserved
 *     (a record built against an older redo pointer is rebuilt). {@code beginCheckpointRedo} moves the redo
 *     pointer to the insert position under the insertion lock, so every record after it obeys the new one.</li>
 * <li>Only the segment being written can hold unsynced data: moving to the next segment fsyncs the finished
 *     one first.</li>
 * <li>After a failed WAL write, fsync or segment creation, or an insertion that failed after reserving its
 *     space, nothing more is ever written or called durable (PostgreSQL PANICs): flushes fail instead of
 *     retrying an fsync that may falsely succeed or waiting forever for the hole to be filled.</li>
 * </ul>
 *
 * <h2>Locks</h2>
 * The insertion lock (PostgreSQL's WAL insertion lock) covers only space reservation and redo pointer
 * changes and is never held while taking another lock. The write lock ({@code WALWriteLock}) serialises
 * writing and fsyncing and may take the WAL buffers' completion lock; never the reverse. Copying a record into
 * the buffers takes no lock.
 */
package dev.tusk.access.transam;
