package dev.tusk.storage.buffer;

import static dev.tusk.storage.buffer.BufferDesc.LOCKED;
import static dev.tusk.storage.buffer.BufferDesc.USAGE_ONE;
import static dev.tusk.storage.buffer.BufferDesc.has;
import static dev.tusk.storage.buffer.BufferDesc.refcount;
import static dev.tusk.storage.buffer.BufferDesc.usage;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Buffer replacement (PostgreSQL's {@code freelist.c}, StrategyGetBuffer): first the free list (buffers
 * never used or invalidated), then the clock: the hand moves over all buffers, skipping pinned ones and
 * decrementing the usage count of unpinned ones until it finds an unpinned buffer with usage count 0.
 * A full trip that decrements nothing and finds only pinned buffers means every buffer is pinned.
 */
final class ClockSweep {
    private final BufferDesc[] descs;
    private final AtomicLong nextVictim = new AtomicLong();
    private final ConcurrentLinkedQueue<Integer> freeList = new ConcurrentLinkedQueue<>();

    ClockSweep(BufferDesc[] descs) {
        this.descs = descs;
        for (BufferDesc d : descs) {
            freeList.add(d.id);
        }
    }

    /** StrategyGetBuffer: a victim buffer, pinned once by the caller (refcount 1, tag unchanged). */
    BufferDesc victim() {
        Integer free;
        while ((free = freeList.poll()) != null) {
            BufferDesc d = descs[free];
            if (d.tryPinVictim()) {
                return d;
            }
        }
        int n = descs.length;
        int tryCounter = n;
        for (;;) {
            BufferDesc d = descs[(int) (nextVictim.getAndIncrement() % n)];
            int s = d.state();
            if (has(s, LOCKED)) {
                continue;
            }
            if (refcount(s) == 0) {
                if (usage(s) > 0) {
                    if (d.cas(s, s - USAGE_ONE)) {
                        tryCounter = n;
                    }
                    continue;
                }
                if (d.tryPinVictim()) {
                    return d;
                }
            } else if (--tryCounter == 0) {
                throw BufferErrors.noUnpinnedBuffers();
            }
        }
    }

    /** StrategyFreeBuffer: an invalidated buffer goes to the front of the line. */
    void addFree(int id) {
        freeList.add(id);
    }

    /** The buffer the clock hand points at (where the bgwriter starts its sweep). */
    int hand() {
        return (int) (nextVictim.get() % descs.length);
    }
}
