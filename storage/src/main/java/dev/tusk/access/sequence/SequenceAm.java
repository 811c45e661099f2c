package dev.tusk.access.sequence;

import dev.tusk.access.transam.RelationStorage;
import dev.tusk.access.transam.RmgrId;
import dev.tusk.access.transam.Transaction;
import dev.tusk.access.transam.XLog;
import dev.tusk.access.transam.XLogRecordBuilder;
import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.page.Page;
import dev.tusk.storage.smgr.Smgr;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Sequence relations (PostgreSQL's {@code sequence.c}: {@code fill_seq_with_data}, {@code nextval_internal},
 * {@code do_setval}, {@code read_seq_tuple}, and {@code seq_redo} in {@link Redo}). See the package
 * documentation for the WAL-ahead rule that keeps values from repeating after a crash.
 *
 * <p>Page layout: a standard page with {@value #SPECIAL_SIZE} bytes of special space holding
 * {@link #SEQ_MAGIC}, and one item at offset 1: {@code last_value} (8), {@code log_cnt} (8), {@code is_called}
 * (1), padded to 24 bytes, little-endian.
 */
public final class SequenceAm {
    /** SEQ_LOG_VALS: values reserved by one WAL record beyond what the caller needs. */
    public static final int SEQ_LOG_VALS = 32;
    /** SEQ_MAGIC. */
    public static final int SEQ_MAGIC = 0x1717;
    /** XLOG_SEQ_LOG. */
    public static final int XLOG_SEQ_LOG = 0x00;
    static final int SPECIAL_SIZE = 8;
    private static final int ITEM_SIZE = 24;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final BufferPool buffers;
    private final Smgr smgr;
    private final XLog xlog;

    public SequenceAm(BufferPool buffers, Smgr smgr, XLog xlog) {
        this.buffers = buffers;
        this.smgr = smgr;
        this.xlog = xlog;
    }

    /**
     * DefineSequence's storage part: creates the relation file in {@code tx} (removed again if it aborts) with
     * the state {@code (start, 0, false)}: the first nextval returns {@code start}.
     */
    public void create(Transaction tx, RelFileLocator rel, SequenceParams params) {
        RelationStorage.create(tx, xlog, smgr, rel, ForkNumber.MAIN);
        long xid = tx.getOrAssignXid();
        int buf = buffers.extend(rel, ForkNumber.MAIN);
        try {
            if (buffers.blockNumber(buf) != 0) {
                throw new IllegalStateException("sequence relation " + rel + " is not empty");
            }
            writeStateAndLog(buf, rel, new SequenceState(params.start(), 0, false), xid, true);
        } finally {
            buffers.unlockAndRelease(buf);
        }
    }

    /** Drops the sequence's file when {@code tx} commits (DROP SEQUENCE). */
    public void drop(Transaction tx, RelFileLocator rel) {
        RelationStorage.drop(tx, rel);
    }

    /**
     * nextval_internal: the next value, never rolled back.
     *
     * @param name  the sequence's name for error messages
     * @param cache the session's cache (may be null: nothing is cached even with CACHE &gt; 1)
     * @param tx    the calling transaction (may be null); when a WAL record is written it gets an xid, so its
     *              commit makes the record durable
     */
    public long nextval(RelFileLocator rel, SequenceParams params, String name, SequenceCache cache, Transaction tx) {
        SequenceCache.Entry elm = cache == null ? null : cache.existing(rel);
        if (elm != null && elm.last != elm.cached) {
            elm.last += elm.increment;
            return elm.last;
        }
        long incby = params.increment();
        long maxv = params.maxValue();
        long minv = params.minValue();
        long cacheSize = cache == null ? 1 : params.cache();
        int buf = buffers.readBuffer(rel, ForkNumber.MAIN, 0);
        buffers.lockExclusive(buf);
        try {
            MemorySegment page = buffers.page(buf);
            SequenceState seq = readState(page, name);
            long last = seq.lastValue();
            long next = last;
            long result = last;
            long fetch = cacheSize;
            long log = seq.logCnt();
            long rescnt = 0;
            boolean logit = false;
            if (!seq.isCalled()) {
                rescnt++; // last_value itself is the first result
                fetch--;
            }
            // Log when the reserve is too small, or when this is the first change since a checkpoint: replay
            // from that checkpoint would otherwise not see the reservation made before it.
            if (log < fetch || !seq.isCalled() || Page.lsn(page) <= xlog.redoPointer()) {
                fetch = log = fetch + SEQ_LOG_VALS;
                logit = true;
            }
            while (fetch > 0) {
                if (incby > 0) {
                    if ((maxv >= 0 && next > maxv - incby) || (maxv < 0 && next + incby > maxv)) {
                        if (rescnt > 0) {
                            break; // the values fetched so far are enough
                        }
                        if (!params.cycle()) {
                            throw new TuskException(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED,
                                    "nextval: reached maximum value of sequence \"" + name + "\" (" + maxv + ")");
                        }
                        next = minv;
                    } else {
                        next += incby;
                    }
                } else {
                    if ((minv < 0 && next < minv - incby) || (minv >= 0 && next + incby < minv)) {
                        if (rescnt > 0) {
                            break;
                        }
                        if (!params.cycle()) {
                            throw new TuskException(SqlState.SEQUENCE_GENERATOR_LIMIT_EXCEEDED,
                                    "nextval: reached minimum value of sequence \"" + name + "\" (" + minv + ")");
                        }
                        next = maxv;
                    } else {
                        next += incby;
                    }
                }
                fetch--;
                if (rescnt < cacheSize) {
                    log--;
                    rescnt++;
                    last = next;
                    if (rescnt == 1) {
                        result = next;
                    }
                }
            }
            log -= fetch; // values we could not fetch are not logged either
            if (cache != null) {
                SequenceCache.Entry e = cache.entry(rel);
                e.increment = incby;
                e.last = result;
                e.cached = last;
            }
            if (logit) {
                long xid = tx != null && !tx.isReadOnly() ? tx.getOrAssignTopXid() : 0;
                // What is logged is the state after all reserved values are used: a crash skips them.
                writeStateAndLog(buf, rel, new SequenceState(next, 0, true), xid, false);
                if (xid == 0) {
                    xlog.flush(Page.lsn(page));
                }
            }
            writeState(page, new SequenceState(last, log, true));
            buffers.markDirty(buf);
            return result;
        } finally {
            buffers.unlockAndRelease(buf);
        }
    }

    /**
     * do_setval: {@code setval(seq, value, isCalled)}. Not transactional; clears this session's cached values.
     * 22003 when {@code value} is outside the sequence's bounds.
     */
    public void setval(RelFileLocator rel, SequenceParams params, String name, long value, boolean isCalled,
            SequenceCache cache, Transaction tx) {
        if (value < params.minValue() || value > params.maxValue()) {
            throw new TuskException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "setval: value " + value
                    + " is out of bounds for sequence \"" + name + "\" (" + params.minValue() + ".."
                    + params.maxValue() + ")");
        }
        if (cache != null) {
            cache.invalidate(rel);
        }
        int buf = buffers.readBuffer(rel, ForkNumber.MAIN, 0);
        buffers.lockExclusive(buf);
        try {
            readState(buffers.page(buf), name);
            long xid = tx != null && !tx.isReadOnly() ? tx.getOrAssignTopXid() : 0;
            writeStateAndLog(buf, rel, new SequenceState(value, 0, isCalled), xid, false);
            if (xid == 0) {
                xlog.flush(Page.lsn(buffers.page(buf)));
            }
        } finally {
            buffers.unlockAndRelease(buf);
        }
    }

    /** read_seq_tuple: the current state ({@code SELECT last_value, log_cnt, is_called FROM seq}). */
    public SequenceState read(RelFileLocator rel, String name) {
        int buf = buffers.readBuffer(rel, ForkNumber.MAIN, 0);
        buffers.lockShared(buf);
        try {
            return readState(buffers.page(buf), name);
        } finally {
            buffers.unlockAndRelease(buf);
        }
    }

    /** Writes {@code state} as the page's whole content and logs it; caller holds the exclusive lock. */
    private void writeStateAndLog(int buf, RelFileLocator rel, SequenceState state, long xid, boolean init) {
        MemorySegment page = buffers.page(buf);
        if (init) {
            initPage(page, state);
        } else {
            writeState(page, state);
        }
        long lsn = xlog.insert(new XLogRecordBuilder(RmgrId.SEQ, XLOG_SEQ_LOG, xid)
                .registerBlock(0, rel, ForkNumber.MAIN, 0, page, XLogRecordBuilder.REGBUF_WILL_INIT)
                .mainData(encode(state)));
        Page.setLsn(page, lsn);
        buffers.markDirty(buf);
    }

    static void initPage(MemorySegment page, SequenceState state) {
        long lsn = Page.lsn(page);
        page.fill((byte) 0);
        Page.init(page, SPECIAL_SIZE);
        Page.specialSpace(page).set(INT, 0, SEQ_MAGIC);
        if (Page.addItem(page, new byte[ITEM_SIZE], Page.FIRST_OFFSET_NUMBER, false) != Page.FIRST_OFFSET_NUMBER) {
            throw new IllegalStateException("failed to add sequence tuple to page");
        }
        Page.setLsn(page, lsn);
        writeState(page, state);
    }

    private static void writeState(MemorySegment page, SequenceState s) {
        MemorySegment item = Page.item(page, Page.FIRST_OFFSET_NUMBER);
        item.set(LONG, 0, s.lastValue());
        item.set(LONG, 8, s.logCnt());
        item.set(ValueLayout.JAVA_BYTE, 16, (byte) (s.isCalled() ? 1 : 0));
    }

    private static SequenceState readState(MemorySegment page, String name) {
        int magic = Page.isNew(page) ? 0 : Page.specialSpace(page).get(INT, 0);
        if (magic != SEQ_MAGIC) {
            throw new TuskException(SqlState.INTERNAL_ERROR, String.format("bad magic number in sequence \"%s\": %08x",
                    name, magic));
        }
        MemorySegment item = Page.item(page, Page.FIRST_OFFSET_NUMBER);
        return new SequenceState(item.get(LONG, 0), item.get(LONG, 8), item.get(ValueLayout.JAVA_BYTE, 16) != 0);
    }

    static byte[] encode(SequenceState s) {
        return ByteBuffer.allocate(17).order(ByteOrder.LITTLE_ENDIAN).putLong(s.lastValue()).putLong(s.logCnt())
                .put((byte) (s.isCalled() ? 1 : 0)).array();
    }

    static SequenceState decode(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        return new SequenceState(b.getLong(), b.getLong(), b.get() != 0);
    }

    /** seq_redo: the record carries the page's whole state; the page is rebuilt from it. */
    public static final class Redo implements dev.tusk.access.transam.RedoHandler {
        @Override
        public void redo(dev.tusk.access.transam.XLogRecord record, dev.tusk.access.transam.RedoContext context) {
            if ((record.info() & 0xF0) != XLOG_SEQ_LOG) {
                throw new dev.tusk.access.transam.WalException("seq_redo: unknown op code " + record.info());
            }
            var rb = context.readBufferForRedo(record, 0);
            if (rb.needsRedo()) {
                initPage(context.buffers().page(rb.buffer()), decode(record.mainData()));
            }
            context.finish(rb, record);
        }
    }
}
