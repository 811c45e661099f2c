package dev.tusk.access.heap;

import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.transam.RelationStorage;
import dev.tusk.access.transam.RmgrId;
import dev.tusk.access.transam.TransactionManager;
import dev.tusk.access.transam.Transaction;
import dev.tusk.access.transam.TransamErrors;
import dev.tusk.access.transam.XLog;
import dev.tusk.access.transam.XLogRecordBuilder;
import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.page.Page;
import dev.tusk.storage.smgr.Smgr;
import dev.tusk.utils.time.Snapshot;
import java.lang.foreign.MemorySegment;

/**
 * The heap access method (PostgreSQL's {@code heapam.c} and {@code hio.c}): insert, fetch, update, delete
 * and sequential scan of row versions on slotted pages, every page change WAL-logged before the page's
 * content lock is released (record inserted, page LSN stamped, buffer marked dirty, then unlock).
 *
 * <p>Concurrency: writers take the page's exclusive content lock, readers the shared one, and nobody waits
 * for another transaction while holding a content lock: a modification that finds the row being changed by
 * a running transaction returns {@link TmResult.BeingModified}, and the caller waits with
 * {@code XactLockTable.waitFor} and retries ({@link HeapUpdater} does this). An update that needs a second
 * page locks the two pages in block-number order.
 */
public final class HeapAm {
    private final BufferPool buffers;
    private final Smgr smgr;
    private final TransactionManager txm;
    private final XLog xlog;

    public HeapAm(BufferPool buffers, Smgr smgr, TransactionManager txm) {
        this.buffers = buffers;
        this.smgr = smgr;
        this.txm = txm;
        this.xlog = txm.xlog();
    }

    /** heap_create_with_catalog's storage part: a new, empty, WAL-logged main fork, removed again if tx aborts. */
    public HeapRelation createRelation(Transaction tx, RelFileLocator locator, TupleDesc desc) {
        RelationStorage.create(tx, xlog, smgr, locator, ForkNumber.MAIN);
        return new HeapRelation(locator, desc);
    }

    /** heap_drop_with_catalog's storage part: the files go when {@code tx} commits. */
    public void dropRelation(Transaction tx, HeapRelation rel) {
        RelationStorage.drop(tx, rel.locator());
    }

    /** heap_insert: stores a new row version written by {@code tx}'s current command; returns its TID. */
    public ItemPointer insert(Transaction tx, HeapRelation rel, Object[] values) {
        checkWritable(tx, "INSERT");
        long xid = tx.getOrAssignXid();
        byte[] tuple = HeapTuples.form(rel.desc(), values);
        checkSize(tuple.length);
        MemorySegment t = MemorySegment.ofArray(tuple);
        HeapTupleHeader.setXmin(t, xid);
        HeapTupleHeader.setRawCid(t, tx.commandId());
        Target target = bufferForTuple(rel, tuple.length, -1);
        try {
            MemorySegment page = buffers.page(target.buffer());
            long block = buffers.blockNumber(target.buffer());
            int off = Page.addItem(page, t, Page.INVALID_OFFSET_NUMBER, false);
            if (off == Page.INVALID_OFFSET_NUMBER) {
                throw new IllegalStateException("no room on page " + block + " after checking free space");
            }
            ItemPointer tid = new ItemPointer(block, off);
            HeapTupleHeader.setCtid(Page.item(page, off), tid);
            HeapTupleHeader.setCtid(t, tid);
            XLogRecordBuilder rec = new XLogRecordBuilder(RmgrId.HEAP,
                    HeapWal.XLOG_HEAP_INSERT | (target.fresh() ? HeapWal.XLOG_HEAP_INIT_PAGE : 0), xid)
                    .registerBlock(0, rel.locator(), ForkNumber.MAIN, block, page,
                            target.fresh() ? XLogRecordBuilder.REGBUF_WILL_INIT : 0)
                    .mainData(new HeapWal.Insert(off, tuple).encode());
            logAndDirty(rec, target.buffer());
            return tid;
        } finally {
            buffers.unlockAndRelease(target.buffer());
        }
    }

    /** heap_fetch: the values of the version at {@code tid} if {@code snap} sees it, else null. */
    public Object[] fetch(HeapRelation rel, ItemPointer tid, Snapshot snap) {
        int buf = buffers.readBuffer(rel.locator(), ForkNumber.MAIN, tid.block());
        buffers.lockShared(buf);
        try {
            MemorySegment page = buffers.page(buf);
            if (!isNormalItem(page, tid.offset())) {
                return null;
            }
            MemorySegment t = Page.item(page, tid.offset());
            return HeapTupleVisibility.satisfiesMvcc(t, snap, txm, hintSink(buf)) ? HeapTuples.deform(rel.desc(), t)
                    : null;
        } finally {
            buffers.unlockAndRelease(buf);
        }
    }

    /**
     * heap_hot_search_buffer: starting at an index entry's {@code tid}, follows the HOT chain on that page
     * and returns the member {@code snap} sees, or null.
     */
    public HeapTuple hotSearch(HeapRelation rel, ItemPointer tid, Snapshot snap) {
        int buf = buffers.readBuffer(rel.locator(), ForkNumber.MAIN, tid.block());
        buffers.lockShared(buf);
        try {
            MemorySegment page = buffers.page(buf);
            return walkHotChain(page, tid, (off, t) -> HeapTupleVisibility.satisfiesMvcc(t, snap, txm, hintSink(buf))
                    ? new HeapTuple(new ItemPointer(tid.block(), off), HeapTuples.deform(rel.desc(), t)) : null);
        } finally {
            buffers.unlockAndRelease(buf);
        }
    }

    /**
     * For a B-tree unique check: the liveness of the HOT chain starting at {@code tid} as seen by
     * {@code tx} (a running inserter/deleter first, else live if any member is live, else dead).
     */
    public TupleLiveness liveness(HeapRelation rel, ItemPointer tid, Transaction tx) {
        int buf = buffers.readBuffer(rel.locator(), ForkNumber.MAIN, tid.block());
        buffers.lockShared(buf);
        try {
            MemorySegment page = buffers.page(buf);
            TupleLiveness found = walkHotChain(page, tid, (off, t) -> {
                TupleLiveness l = HeapTupleVisibility.liveness(t, tx.ownXids(), txm, hintSink(buf));
                return l instanceof TupleLiveness.Dead ? null : l;
            });
            return found == null ? TupleLiveness.DEAD : found;
        } finally {
            buffers.unlockAndRelease(buf);
        }
    }

    /**
     * The HOT chain walk of heap_hot_search_buffer: offers each member of the chain that starts at {@code tid}
     * (on its page) to {@code visit} until it returns non-null. A member must be heap-only and have the
     * previous member's xmax as its xmin, so a line pointer reused after pruning never extends the chain.
     */
    private static <T> T walkHotChain(MemorySegment page, ItemPointer tid,
            java.util.function.BiFunction<Integer, MemorySegment, T> visit) {
        int off = tid.offset();
        long prevXmax = 0;
        boolean first = true;
        while (isNormalItem(page, off)) {
            MemorySegment t = Page.item(page, off);
            if (!first && (!HeapTupleHeader.isHeapOnly(t) || HeapTupleHeader.xmin(t) != prevXmax)) {
                return null;
            }
            T result = visit.apply(off, t);
            if (result != null) {
                return result;
            }
            ItemPointer next = HeapTupleHeader.ctid(t);
            if (!HeapTupleHeader.isHotUpdated(t) || next.block() != tid.block() || next.offset() == off) {
                return null;
            }
            prevXmax = HeapTupleHeader.xmax(t);
            off = next.offset();
            first = false;
        }
        return null;
    }

    /** heap_delete: sets xmax on the version at {@code tid}; anything but {@link TmResult.Ok} changed nothing. */
    public TmResult delete(Transaction tx, HeapRelation rel, ItemPointer tid) {
        checkWritable(tx, "DELETE");
        long xid = tx.getOrAssignXid();
        int buf = buffers.readBuffer(rel.locator(), ForkNumber.MAIN, tid.block());
        buffers.lockExclusive(buf);
        try {
            MemorySegment page = buffers.page(buf);
            if (!isNormalItem(page, tid.offset())) {
                return TmResult.INVISIBLE;
            }
            MemorySegment t = Page.item(page, tid.offset());
            TmResult r = HeapTupleVisibility.satisfiesUpdate(t, tid, tx.commandId(), tx.ownXids(), tx.comboCids(), txm,
                    hintSink(buf));
            if (!(r instanceof TmResult.Ok)) {
                return r;
            }
            HeapWal.OldTuple old = setXmax(tx, t, tid.offset(), xid, tid);
            Page.setPruneXid(page, xid);
            XLogRecordBuilder rec = new XLogRecordBuilder(RmgrId.HEAP, HeapWal.XLOG_HEAP_DELETE, xid)
                    .registerBlock(0, rel.locator(), ForkNumber.MAIN, tid.block(), page, 0)
                    .mainData(old.encode());
            logAndDirty(rec, buf);
            return TmResult.OK;
        } finally {
            buffers.unlockAndRelease(buf);
        }
    }

    /**
     * heap_update: writes a new version of the row at {@code tid} and points the old one at it. The new
     * version goes on the same page when it fits (a HOT update when {@code hotAllowed}, i.e. no indexed
     * column changed), else on another page. Returns {@link TmResult.Ok} with the new TID, or why not.
     */
    public TmResult update(Transaction tx, HeapRelation rel, ItemPointer tid, Object[] newValues, boolean hotAllowed) {
        checkWritable(tx, "UPDATE");
        long xid = tx.getOrAssignXid();
        byte[] tuple = HeapTuples.form(rel.desc(), newValues);
        checkSize(tuple.length);
        MemorySegment nt = MemorySegment.ofArray(tuple);
        HeapTupleHeader.setXmin(nt, xid);
        HeapTupleHeader.setRawCid(nt, tx.commandId());
        HeapTupleHeader.setInfomask(nt, HeapTupleHeader.infomask(nt) | HeapTupleHeader.HEAP_UPDATED);
        int need = Page.maxAlign(tuple.length);
        while (true) {
            int oldBuf = buffers.readBuffer(rel.locator(), ForkNumber.MAIN, tid.block());
            buffers.lockExclusive(oldBuf);
            TmResult r = checkUpdatable(tx, oldBuf, tid);
            if (!(r instanceof TmResult.Ok)) {
                buffers.unlockAndRelease(oldBuf);
                return r;
            }
            if (Page.freeSpace(buffers.page(oldBuf)) >= need) {
                try {
                    return doUpdate(tx, rel, xid, tid, oldBuf, new Target(oldBuf, false), nt, hotAllowed);
                } finally {
                    buffers.unlockAndRelease(oldBuf);
                }
            }
            buffers.unlock(oldBuf);
            Target target = bufferForTuple(rel, tuple.length, tid.block());
            long newBlock = buffers.blockNumber(target.buffer());
            if (newBlock < tid.block()) {
                buffers.lockExclusive(oldBuf);
            } else {
                // Lock order is by block number: drop the new page's lock and take both in order.
                buffers.unlock(target.buffer());
                buffers.lockExclusive(oldBuf);
                buffers.lockExclusive(target.buffer());
            }
            boolean done = false;
            try {
                r = checkUpdatable(tx, oldBuf, tid);
                if (!(r instanceof TmResult.Ok)) {
                    return r;
                }
                if (Page.freeSpace(buffers.page(target.buffer())) >= need) {
                    r = doUpdate(tx, rel, xid, tid, oldBuf, target, nt, false);
                    done = true;
                    return r;
                }
            } finally {
                if (!done && target.fresh()) {
                    // Unlogged initialisation must not survive: the next user re-initialises it with WAL.
                    buffers.page(target.buffer()).fill((byte) 0);
                }
                buffers.unlockAndRelease(target.buffer());
                buffers.unlockAndRelease(oldBuf);
            }
            // Someone filled the new page while it was unlocked: start over.
        }
    }

    /** A sequential scan of the versions {@code snap} sees; close it (or exhaust it) to drop its pin. */
    public HeapScan scan(HeapRelation rel, Snapshot snap) {
        return new HeapScan(this, rel, snap, buffers.nblocks(rel.locator(), ForkNumber.MAIN));
    }

    /** RelationGetNumberOfBlocks: the main fork's length in blocks. */
    public long nblocks(HeapRelation rel) {
        return buffers.nblocks(rel.locator(), ForkNumber.MAIN);
    }

    /** pg_relation_size(rel, 'main'): the main fork's size in bytes. */
    public long relationSize(HeapRelation rel) {
        return nblocks(rel) * Page.BLCKSZ;
    }

    /** True when {@code snap} sees no row in {@code rel} (stops at the first visible one). */
    public boolean isEmpty(HeapRelation rel, Snapshot snap) {
        try (HeapScan scan = scan(rel, snap)) {
            return !scan.hasNext();
        }
    }

    /** The values of the version at {@code tid} regardless of visibility (EvalPlanQual's fetch of a newer version). */
    Object[] readLatest(HeapRelation rel, ItemPointer tid) {
        int buf = buffers.readBuffer(rel.locator(), ForkNumber.MAIN, tid.block());
        buffers.lockShared(buf);
        try {
            MemorySegment page = buffers.page(buf);
            return isNormalItem(page, tid.offset()) ? HeapTuples.deform(rel.desc(), Page.item(page, tid.offset()))
                    : null;
        } finally {
            buffers.unlockAndRelease(buf);
        }
    }

    BufferPool buffers() {
        return buffers;
    }

    TransactionManager transactions() {
        return txm;
    }

    HintSink hintSink(int buf) {
        return () -> buffers.markDirtyHint(buf);
    }

    private TmResult checkUpdatable(Transaction tx, int buf, ItemPointer tid) {
        MemorySegment page = buffers.page(buf);
        if (!isNormalItem(page, tid.offset())) {
            return TmResult.INVISIBLE;
        }
        return HeapTupleVisibility.satisfiesUpdate(Page.item(page, tid.offset()), tid, tx.commandId(), tx.ownXids(),
                tx.comboCids(), txm, hintSink(buf));
    }

    /** The page change of heap_update with both pages exclusively locked (possibly the same buffer). */
    private TmResult doUpdate(Transaction tx, HeapRelation rel, long xid, ItemPointer tid, int oldBuf, Target target,
            MemorySegment newTuple, boolean hot) {
        MemorySegment oldPage = buffers.page(oldBuf);
        MemorySegment newPage = buffers.page(target.buffer());
        long newBlock = buffers.blockNumber(target.buffer());
        boolean samePage = target.buffer() == oldBuf;
        if (hot) {
            HeapTupleHeader.setInfomask2(newTuple, HeapTupleHeader.infomask2(newTuple) | HeapTupleHeader.HEAP_ONLY_TUPLE);
        }
        int newOff = Page.addItem(newPage, newTuple, Page.INVALID_OFFSET_NUMBER, false);
        if (newOff == Page.INVALID_OFFSET_NUMBER) {
            throw new IllegalStateException("no room on page " + newBlock + " after checking free space");
        }
        ItemPointer newTid = new ItemPointer(newBlock, newOff);
        MemorySegment placed = Page.item(newPage, newOff);
        HeapTupleHeader.setCtid(placed, newTid);
        MemorySegment old = Page.item(oldPage, tid.offset());
        HeapWal.OldTuple oldState = setXmax(tx, old, tid.offset(), xid, newTid);
        if (hot) {
            HeapTupleHeader.setInfomask2(old, HeapTupleHeader.infomask2(old) | HeapTupleHeader.HEAP_HOT_UPDATED);
            oldState = new HeapWal.OldTuple(oldState.offnum(), oldState.xmax(), oldState.infomask(),
                    HeapTupleHeader.infomask2(old), oldState.cid());
        }
        Page.setPruneXid(oldPage, xid);
        byte[] newBytes = placed.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        int info = (hot ? HeapWal.XLOG_HEAP_HOT_UPDATE : HeapWal.XLOG_HEAP_UPDATE)
                | (target.fresh() ? HeapWal.XLOG_HEAP_INIT_PAGE : 0);
        XLogRecordBuilder rec = new XLogRecordBuilder(RmgrId.HEAP, info, xid)
                .registerBlock(0, rel.locator(), ForkNumber.MAIN, newBlock, newPage,
                        target.fresh() ? XLogRecordBuilder.REGBUF_WILL_INIT : 0);
        if (!samePage) {
            rec.registerBlock(1, rel.locator(), ForkNumber.MAIN, tid.block(), oldPage, 0);
        }
        rec.mainData(new HeapWal.Update(oldState, newOff, newBytes).encode());
        long lsn = xlog.insert(rec);
        Page.setLsn(newPage, lsn);
        buffers.markDirty(target.buffer());
        if (!samePage) {
            Page.setLsn(oldPage, lsn);
            buffers.markDirty(oldBuf);
        }
        return new TmResult.Ok(newTid, hot);
    }

    /**
     * Stamps {@code xid} as the tuple's deleter by {@code tx}'s current command (with a combo command id
     * when tx also inserted it) and points its ctid at {@code ctid}; returns the state to log.
     */
    private static HeapWal.OldTuple setXmax(Transaction tx, MemorySegment t, int offnum, long xid, ItemPointer ctid) {
        int mask = HeapTupleHeader.infomask(t) & ~HeapTupleHeader.HEAP_XMAX_BITS & ~HeapTupleHeader.HEAP_COMBOCID;
        int cid = tx.commandId();
        if (tx.isCurrentTransactionId(HeapTupleHeader.xmin(t))) {
            cid = tx.comboCids().comboFor(HeapTupleHeader.cmin(t, tx.comboCids()), cid);
            mask |= HeapTupleHeader.HEAP_COMBOCID;
        }
        int mask2 = HeapTupleHeader.infomask2(t) & ~HeapTupleHeader.HEAP_HOT_UPDATED;
        HeapTupleHeader.setXmax(t, xid);
        HeapTupleHeader.setRawCid(t, cid);
        HeapTupleHeader.setInfomask(t, mask);
        HeapTupleHeader.setInfomask2(t, mask2);
        HeapTupleHeader.setCtid(t, ctid);
        return new HeapWal.OldTuple(offnum, xid, mask, mask2, cid);
    }

    private void logAndDirty(XLogRecordBuilder rec, int buf) {
        long lsn = xlog.insert(rec);
        Page.setLsn(buffers.page(buf), lsn);
        buffers.markDirty(buf);
    }

    /** A locked, pinned target page; {@code fresh} when this call initialised it. */
    private record Target(int buffer, boolean fresh) {
    }

    /**
     * RelationGetBufferForTuple: the last page if the tuple fits there (and it is not {@code avoidBlock}),
     * else a new page at the end. Returned exclusively locked.
     */
    private Target bufferForTuple(HeapRelation rel, int len, long avoidBlock) {
        int need = Page.maxAlign(len);
        long n = buffers.nblocks(rel.locator(), ForkNumber.MAIN);
        if (n > 0 && n - 1 != avoidBlock) {
            int buf = buffers.readBuffer(rel.locator(), ForkNumber.MAIN, n - 1);
            buffers.lockExclusive(buf);
            MemorySegment page = buffers.page(buf);
            if (Page.isNew(page)) {
                Page.init(page, 0); // extended by a process that died before logging its first tuple
                return new Target(buf, true);
            }
            if (Page.freeSpace(page) >= need) {
                return new Target(buf, false);
            }
            buffers.unlockAndRelease(buf);
        }
        int buf = buffers.extend(rel.locator(), ForkNumber.MAIN);
        Page.init(buffers.page(buf), 0);
        return new Target(buf, true);
    }

    static boolean isNormalItem(MemorySegment page, int off) {
        return off >= Page.FIRST_OFFSET_NUMBER && off <= Page.maxOffsetNumber(page) && Page.isNormal(page, off);
    }

    private static void checkWritable(Transaction tx, String command) {
        if (tx.isReadOnly()) {
            throw TransamErrors.readOnlyTransaction(command);
        }
    }

    private static void checkSize(int len) {
        if (len > HeapTuples.MAX_HEAP_TUPLE_SIZE) {
            throw HeapErrors.rowTooBig(len, HeapTuples.MAX_HEAP_TUPLE_SIZE);
        }
    }
}
