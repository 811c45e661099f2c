package dev.tusk.access.heap;

import dev.tusk.access.transam.RedoContext;
import dev.tusk.access.transam.RedoHandler;
import dev.tusk.access.transam.WalException;
import dev.tusk.access.transam.XLogBlockRef;
import dev.tusk.access.transam.XLogRecord;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;

/**
 * Redo of HEAP records (PostgreSQL's {@code heap_redo}: {@code heap_xlog_insert}, {@code heap_xlog_delete},
 * {@code heap_xlog_update}). Each block goes through {@link RedoContext#readBufferForRedo}, which skips
 * pages already at or past the record (idempotent replay) and restores full-page images; an INIT_PAGE
 * record rebuilds its page from nothing.
 */
public final class HeapRedo implements RedoHandler {
    @Override
    public void redo(XLogRecord record, RedoContext ctx) {
        int op = record.info() & HeapWal.XLOG_HEAP_OPMASK;
        boolean init = (record.info() & HeapWal.XLOG_HEAP_INIT_PAGE) != 0;
        switch (op) {
            case HeapWal.XLOG_HEAP_INSERT -> insert(record, ctx, init);
            case HeapWal.XLOG_HEAP_DELETE -> delete(record, ctx);
            case HeapWal.XLOG_HEAP_UPDATE, HeapWal.XLOG_HEAP_HOT_UPDATE -> update(record, ctx, init);
            default -> throw new WalException("heap_redo: unknown op code " + op);
        }
    }

    private static void insert(XLogRecord record, RedoContext ctx, boolean init) {
        HeapWal.Insert ins = HeapWal.Insert.decode(record.mainData());
        RedoContext.RedoBuffer rb = ctx.readBufferForRedo(record, 0);
        try {
            if (rb.needsRedo()) {
                MemorySegment page = ctx.buffers().page(rb.buffer());
                if (init) {
                    Page.init(page, 0);
                }
                addAt(page, ins.offnum(), ins.tuple(), record);
            }
        } finally {
            ctx.finish(rb, record);
        }
    }

    private static void delete(XLogRecord record, RedoContext ctx) {
        HeapWal.OldTuple old = HeapWal.OldTuple.decode(record.mainData());
        RedoContext.RedoBuffer rb = ctx.readBufferForRedo(record, 0);
        try {
            if (rb.needsRedo()) {
                MemorySegment page = ctx.buffers().page(rb.buffer());
                XLogBlockRef ref = record.block(0);
                applyOld(page, old, new ItemPointer(ref.blockNo(), old.offnum()), record);
            }
        } finally {
            ctx.finish(rb, record);
        }
    }

    private static void update(XLogRecord record, RedoContext ctx, boolean init) {
        HeapWal.Update up = HeapWal.Update.decode(record.mainData());
        XLogBlockRef newRef = record.block(0);
        ItemPointer newTid = new ItemPointer(newRef.blockNo(), up.newOffnum());
        if (record.block(1) != null) {
            RedoContext.RedoBuffer oldRb = ctx.readBufferForRedo(record, 1);
            try {
                if (oldRb.needsRedo()) {
                    applyOld(ctx.buffers().page(oldRb.buffer()), up.old(), newTid, record);
                }
            } finally {
                ctx.finish(oldRb, record);
            }
        }
        RedoContext.RedoBuffer rb = ctx.readBufferForRedo(record, 0);
        try {
            if (rb.needsRedo()) {
                MemorySegment page = ctx.buffers().page(rb.buffer());
                if (init) {
                    Page.init(page, 0);
                }
                if (record.block(1) == null) {
                    applyOld(page, up.old(), newTid, record);
                }
                addAt(page, up.newOffnum(), up.newTuple(), record);
            }
        } finally {
            ctx.finish(rb, record);
        }
    }

    private static void applyOld(MemorySegment page, HeapWal.OldTuple old, ItemPointer ctid, XLogRecord record) {
        if (!HeapAm.isNormalItem(page, old.offnum())) {
            throw new WalException("heap_redo: invalid lp at " + old.offnum() + " in record at "
                    + dev.tusk.access.transam.Lsn.format(record.startLsn()));
        }
        MemorySegment t = Page.item(page, old.offnum());
        HeapTupleHeader.setXmax(t, old.xmax());
        HeapTupleHeader.setRawCid(t, old.cid());
        HeapTupleHeader.setInfomask(t, old.infomask());
        HeapTupleHeader.setInfomask2(t, old.infomask2());
        HeapTupleHeader.setCtid(t, ctid);
        Page.setPruneXid(page, old.xmax());
    }

    private static void addAt(MemorySegment page, int offnum, byte[] tuple, XLogRecord record) {
        if (Page.addItem(page, tuple, offnum, false) != offnum) {
            throw new WalException("heap_redo: failed to add tuple at offset " + offnum + " in record at "
                    + dev.tusk.access.transam.Lsn.format(record.startLsn()));
        }
    }
}
