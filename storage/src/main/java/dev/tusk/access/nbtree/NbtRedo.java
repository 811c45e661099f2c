package dev.tusk.access.nbtree;

import dev.tusk.access.transam.Lsn;
import dev.tusk.access.transam.RedoContext;
import dev.tusk.access.transam.RedoHandler;
import dev.tusk.access.transam.WalException;
import dev.tusk.access.transam.XLogBlockRef;
import dev.tusk.access.transam.XLogRecord;
import dev.tusk.storage.page.Page;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Replays B-tree WAL records (PostgreSQL's {@code btree_redo} in {@code nbtxlog.c}). Every block goes through
 * {@link RedoContext#readBufferForRedo}, which restores full-page images and skips pages whose LSN shows the
 * change is already there, so replaying a record twice changes nothing. Register it under
 * {@code RmgrId.BTREE}. Record layouts are described in {@link NbtXLog}.
 */
public final class NbtRedo implements RedoHandler {
    @Override
    public void redo(XLogRecord record, RedoContext context) {
        switch (record.info()) {
            case NbtXLog.INSERT_LEAF, NbtXLog.INSERT_UPPER -> redoInsert(record, context);
            case NbtXLog.VACUUM -> redoVacuum(record, context);
            case NbtXLog.SPLIT_L, NbtXLog.SPLIT_R, NbtXLog.NEWROOT, NbtXLog.NEWPAGES -> redoImages(record, context);
            default -> throw new WalException("btree_redo: unknown op code " + record.info() + " at "
                    + Lsn.format(record.startLsn()));
        }
    }

    /** btree_xlog_insert. */
    private static void redoInsert(XLogRecord record, RedoContext ctx) {
        RedoContext.RedoBuffer rb = ctx.readBufferForRedo(record, 0);
        try {
            if (rb.needsRedo()) {
                ByteBuffer data = ByteBuffer.wrap(record.block(0).data()).order(ByteOrder.LITTLE_ENDIAN);
                int off = data.getShort() & 0xFFFF;
                byte[] tuple = Arrays.copyOfRange(data.array(), 2, data.limit());
                MemorySegment page = ctx.buffers().page(rb.buffer());
                if (Page.addItem(page, tuple, off, true) != off) {
                    throw new WalException("btree_xlog_insert: failed to add item at " + Lsn.format(record.startLsn()));
                }
            }
        } finally {
            ctx.finish(rb, record);
        }
        if (record.info() == NbtXLog.INSERT_UPPER) {
            RedoContext.RedoBuffer child = ctx.readBufferForRedo(record, 1);
            try {
                if (child.needsRedo()) {
                    BTPageOpaque.clearIncompleteSplit(ctx.buffers().page(child.buffer()));
                }
            } finally {
                ctx.finish(child, record);
            }
        }
    }

    /** btree_xlog_vacuum. */
    private static void redoVacuum(XLogRecord record, RedoContext ctx) {
        RedoContext.RedoBuffer rb = ctx.readBufferForRedo(record, 0);
        try {
            if (rb.needsRedo()) {
                ByteBuffer data = ByteBuffer.wrap(record.block(0).data()).order(ByteOrder.LITTLE_ENDIAN);
                int[] offsets = new int[data.getShort() & 0xFFFF];
                for (int i = 0; i < offsets.length; i++) {
                    offsets[i] = data.getShort() & 0xFFFF;
                }
                NbtVacuum.deleteItems(ctx.buffers().page(rb.buffer()), offsets);
            }
        } finally {
            ctx.finish(rb, record);
        }
    }

    /** Splits, new roots and built pages carry a forced image of every block: restoring them is the redo. */
    private static void redoImages(XLogRecord record, RedoContext ctx) {
        for (XLogBlockRef ref : record.blocks()) {
            RedoContext.RedoBuffer rb = ctx.readBufferForRedo(record, ref.id());
            if (rb.needsRedo()) {
                ctx.buffers().unlockAndRelease(rb.buffer());
                throw new WalException("btree_redo: block " + ref.id() + " of record at "
                        + Lsn.format(record.startLsn()) + " has no full-page image");
            }
            ctx.finish(rb, record);
        }
    }
}
