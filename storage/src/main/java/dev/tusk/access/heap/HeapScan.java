package dev.tusk.access.heap;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.buffer.BufferPool;
import dev.tusk.storage.page.Page;
import dev.tusk.utils.time.Snapshot;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A sequential scan (PostgreSQL's {@code heapgettup_pagemode}): page by page up to the number of blocks
 * the relation had when the scan started, the visible tuples of a page collected under one shared content
 * lock, the page kept pinned (never locked) while its tuples are handed out. Rows appended after the start
 * are invisible to the scan's snapshot anyway. Before each page it checks for a cancel of the session bound
 * to the thread ({@link dev.tusk.storage.ipc.Interrupts#checkForInterrupts()}).
 */
public final class HeapScan implements Iterator<HeapTuple>, AutoCloseable {
    private final HeapAm am;
    private final HeapRelation rel;
    private final Snapshot snap;
    private final long nblocks;
    private final BufferPool buffers;
    private long nextBlock;
    private int pinned;
    private List<HeapTuple> pageTuples = List.of();
    private int pos;

    HeapScan(HeapAm am, HeapRelation rel, Snapshot snap, long nblocks) {
        this.am = am;
        this.rel = rel;
        this.snap = snap;
        this.nblocks = nblocks;
        this.buffers = am.buffers();
    }

    @Override
    public boolean hasNext() {
        while (pos >= pageTuples.size()) {
            if (!readNextPage()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public HeapTuple next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return pageTuples.get(pos++);
    }

    /** The remaining visible tuples as a stream (closing the stream closes the scan). */
    public Stream<HeapTuple> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    private boolean readNextPage() {
        releasePin();
        if (nextBlock >= nblocks) {
            return false;
        }
        dev.tusk.storage.ipc.Interrupts.checkForInterrupts(); // once per page, holding no pin

        long block = nextBlock++;
        pinned = buffers.readBuffer(rel.locator(), ForkNumber.MAIN, block);
        buffers.lockShared(pinned);
        List<HeapTuple> out = new ArrayList<>();
        try {
            MemorySegment page = buffers.page(pinned);
            if (!Page.isNew(page)) {
                HintSink hints = am.hintSink(pinned);
                int max = Page.maxOffsetNumber(page);
                for (int off = Page.FIRST_OFFSET_NUMBER; off <= max; off++) {
                    if (!Page.isNormal(page, off)) {
                        continue;
                    }
                    MemorySegment t = Page.item(page, off);
                    if (HeapTupleVisibility.satisfiesMvcc(t, snap, am.transactions(), hints)) {
                        out.add(new HeapTuple(new ItemPointer(block, off), HeapTuples.deform(rel.desc(), t)));
                    }
                }
            }
        } finally {
            buffers.unlock(pinned);
        }
        pageTuples = out;
        pos = 0;
        return true;
    }

    private void releasePin() {
        if (pinned != 0) {
            buffers.release(pinned);
            pinned = 0;
        }
    }

    /** heap_endscan: drops the pin on the current page. */
    @Override
    public void close() {
        releasePin();
        nextBlock = nblocks;
        pageTuples = List.of();
    }
}
