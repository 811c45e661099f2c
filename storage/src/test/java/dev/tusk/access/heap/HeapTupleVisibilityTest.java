package dev.tusk.access.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.access.common.AttrType;
import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.transam.TransactionStatusView;
import dev.tusk.utils.time.ComboCids;
import dev.tusk.utils.time.OwnXids;
import dev.tusk.utils.time.Snapshot;
import java.lang.foreign.MemorySegment;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven checks of HeapTupleSatisfiesMVCC / Update / Dirty on tuple headers in byte arrays. */
class HeapTupleVisibilityTest {
    static final TupleDesc DESC = TupleDesc.of(Attribute.of("a", AttrType.INT4));
    static final long OWN = 10;
    /** Committed long ago (below the snapshot's xmin), committed after the snapshot (7, in xip), etc. */
    static final Set<Long> COMMITTED = Set.of(4L, 5L, 6L, 7L, 19L, 25L);
    static final Set<Long> RUNNING = Set.of(12L, OWN);
    // 8 aborted, 9 crashed (clog still "in progress", not running)

    /** A status table: clog + ProcArray stand-in. */
    record Table(boolean mayHint) implements TransactionStatusView {
        @Override
        public boolean isInProgress(long xid) {
            return RUNNING.contains(xid);
        }

        @Override
        public boolean didCommit(long xid) {
            return COMMITTED.contains(xid);
        }

        @Override
        public boolean mayHintCommitted(long xid) {
            return mayHint;
        }
    }

    static final Table TSV = new Table(true);

    static OwnXids own() {
        OwnXids o = new OwnXids();
        o.push(OWN);
        return o;
    }

    /** xmin 5, xmax 20, xip {7, 12}, curcid 3; the owning transaction is 10. */
    static Snapshot snapshot(ComboCids combo) {
        return new Snapshot(5, 20, new long[] {7, 12}, 3, own(), combo);
    }

    /** A tuple; xmax 0 means never deleted. Own insert+delete get a combo cid as HeapAm would make. */
    static MemorySegment tuple(long xmin, int cmin, long xmax, int cmax, ComboCids combo) {
        MemorySegment t = MemorySegment.ofArray(HeapTuples.form(DESC, new Object[] {42}));
        HeapTupleHeader.setXmin(t, xmin);
        HeapTupleHeader.setRawCid(t, cmin);
        HeapTupleHeader.setCtid(t, new ItemPointer(0, 1));
        if (xmax != 0) {
            HeapTupleHeader.setXmax(t, xmax);
            int mask = HeapTupleHeader.infomask(t) & ~HeapTupleHeader.HEAP_XMAX_INVALID;
            if (xmin == OWN && xmax == OWN) {
                HeapTupleHeader.setRawCid(t, combo.comboFor(cmin, cmax));
                mask |= HeapTupleHeader.HEAP_COMBOCID;
            } else {
                HeapTupleHeader.setRawCid(t, cmax);
            }
            HeapTupleHeader.setInfomask(t, mask);
        }
        return t;
    }

    static Stream<Arguments> mvccCases() {
        return Stream.of(
                Arguments.of("committed before snapshot, live", 4, 0, 0, 0, true),
                Arguments.of("inserter == snapshot xmin, committed, not in xip", 5, 0, 0, 0, true),
                Arguments.of("inserter in xip, committed since", 7, 0, 0, 0, false),
                Arguments.of("inserter running", 12, 0, 0, 0, false),
                Arguments.of("inserter aborted", 8, 0, 0, 0, false),
                Arguments.of("inserter crashed", 9, 0, 0, 0, false),
                Arguments.of("inserter just below xmax, committed", 19, 0, 0, 0, true),
                Arguments.of("inserter at/after xmax, committed", 25, 0, 0, 0, false),
                Arguments.of("own insert, earlier command", OWN, 2, 0, 0, true),
                Arguments.of("own insert, current command", OWN, 3, 0, 0, false),
                Arguments.of("own insert, later command", OWN, 4, 0, 0, false),
                Arguments.of("own insert, own delete earlier command", OWN, 1, OWN, 2, false),
                Arguments.of("own insert, own delete current command", OWN, 1, OWN, 3, true),
                Arguments.of("deleted by committed before snapshot", 4, 0, 6, 0, false),
                Arguments.of("deleted by xact in xip (committed since)", 4, 0, 7, 0, true),
                Arguments.of("deleted by running xact", 4, 0, 12, 0, true),
                Arguments.of("deleted by aborted xact", 4, 0, 8, 0, true),
                Arguments.of("deleted by crashed xact", 4, 0, 9, 0, true),
                Arguments.of("deleted by committed xact at/after xmax", 4, 0, 25, 0, true),
                Arguments.of("deleted by own earlier command", 4, 0, OWN, 2, false),
                Arguments.of("deleted by own current command", 4, 0, OWN, 3, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mvccCases")
    void mvcc(String name, long xmin, int cmin, long xmax, int cmax, boolean visible) {
        ComboCids combo = new ComboCids();
        MemorySegment t = tuple(xmin, cmin, xmax, cmax, combo);
        assertEquals(visible, HeapTupleVisibility.satisfiesMvcc(t, snapshot(combo), TSV, HintSink.NONE), name);
        // Whatever hints were set, the answer must not change on a second look.
        assertEquals(visible, HeapTupleVisibility.satisfiesMvcc(t, snapshot(combo), TSV, HintSink.NONE), name);
    }

    @Test
    void repeatableReadSnapshotKeepsHidingWhatReadCommittedSees() {
        ComboCids combo = new ComboCids();
        MemorySegment t = tuple(12, 0, 0, 0, combo);
        Snapshot old = snapshot(combo); // 12 was running at the transaction snapshot (RR keeps it)
        Snapshot fresh = new Snapshot(20, 30, new long[0], 3, own(), combo); // RC's next statement
        TransactionStatusView after = new TransactionStatusView() {
            public boolean isInProgress(long xid) {
                return xid == OWN;
            }

            public boolean didCommit(long xid) {
                return xid == 12 || COMMITTED.contains(xid);
            }

            public boolean mayHintCommitted(long xid) {
                return true;
            }
        };
        assertFalse(HeapTupleVisibility.satisfiesMvcc(t, old, after, HintSink.NONE));
        assertTrue(HeapTupleVisibility.satisfiesMvcc(t, fresh, after, HintSink.NONE));
        assertFalse(HeapTupleVisibility.satisfiesMvcc(t, old, after, HintSink.NONE), "hint must not leak visibility");
    }

    @Test
    void hintBitsSetOnlyWhenAllowed() {
        ComboCids combo = new ComboCids();
        int[] hints = {0};
        MemorySegment t = tuple(4, 0, 8, 0, combo);
        HeapTupleVisibility.satisfiesMvcc(t, snapshot(combo), new Table(false), () -> hints[0]++);
        int mask = HeapTupleHeader.infomask(t);
        assertEquals(0, mask & HeapTupleHeader.HEAP_XMIN_COMMITTED, "commit not durable: no committed hint");
        assertTrue((mask & HeapTupleHeader.HEAP_XMAX_INVALID) != 0, "aborted deleter: invalid hint");
        assertEquals(1, hints[0]);
        HeapTupleVisibility.satisfiesMvcc(t, snapshot(combo), TSV, () -> hints[0]++);
        assertTrue((HeapTupleHeader.infomask(t) & HeapTupleHeader.HEAP_XMIN_COMMITTED) != 0);
        assertEquals(2, hints[0]);
    }

    static Stream<Arguments> updateCases() {
        ItemPointer self = new ItemPointer(0, 1);
        return Stream.of(
                Arguments.of("live committed row", 4, 0, 0, 0, self, TmResult.OK),
                Arguments.of("inserter running", 12, 0, 0, 0, self, TmResult.INVISIBLE),
                Arguments.of("inserter aborted", 8, 0, 0, 0, self, TmResult.INVISIBLE),
                Arguments.of("deleter running", 4, 0, 12, 0, self, new TmResult.BeingModified(12)),
                Arguments.of("deleter aborted", 4, 0, 8, 0, self, TmResult.OK),
                Arguments.of("deleter crashed", 4, 0, 9, 0, self, TmResult.OK),
                Arguments.of("deleted by committed", 4, 0, 7, 0, self, new TmResult.Deleted(7)),
                Arguments.of("updated by committed", 4, 0, 7, 0, new ItemPointer(3, 2),
                        new TmResult.Updated(7, new ItemPointer(0, 1))),
                Arguments.of("own delete in current command", 4, 0, OWN, 3, self, new TmResult.SelfModified(3)),
                Arguments.of("own delete in earlier command", 4, 0, OWN, 2, self, TmResult.INVISIBLE),
                Arguments.of("own insert, earlier command", OWN, 2, 0, 0, self, TmResult.OK),
                Arguments.of("own insert, current command", OWN, 3, 0, 0, self, TmResult.INVISIBLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updateCases")
    void satisfiesUpdate(String name, long xmin, int cmin, long xmax, int cmax, ItemPointer self, TmResult expected) {
        ComboCids combo = new ComboCids();
        MemorySegment t = tuple(xmin, cmin, xmax, cmax, combo);
        assertEquals(expected, HeapTupleVisibility.satisfiesUpdate(t, self, 3, own(), combo, TSV, HintSink.NONE), name);
    }

    static Stream<Arguments> livenessCases() {
        return Stream.of(
                Arguments.of("committed, live", 4, 0, TupleLiveness.LIVE),
                Arguments.of("inserter aborted", 8, 0, TupleLiveness.DEAD),
                Arguments.of("inserter crashed", 9, 0, TupleLiveness.DEAD),
                Arguments.of("inserter running", 12, 0, new TupleLiveness.InProgress(12)),
                Arguments.of("deleter running", 4, 12, new TupleLiveness.InProgress(12)),
                Arguments.of("deleter committed", 4, 7, TupleLiveness.DEAD),
                Arguments.of("deleter aborted", 4, 8, TupleLiveness.LIVE),
                Arguments.of("own insert", OWN, 0, TupleLiveness.LIVE),
                Arguments.of("own insert, own delete", OWN, OWN, TupleLiveness.DEAD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("livenessCases")
    void liveness(String name, long xmin, long xmax, TupleLiveness expected) {
        ComboCids combo = new ComboCids();
        MemorySegment t = tuple(xmin, 0, xmax, 1, combo);
        assertEquals(expected, HeapTupleVisibility.liveness(t, own(), TSV, HintSink.NONE), name);
    }

    @Test
    void tupleRoundTripWithNullsAndItemPointerPacking() {
        TupleDesc desc = TupleDesc.of(Attribute.of("a", AttrType.INT4), Attribute.of("b", AttrType.TEXT),
                Attribute.of("c", AttrType.INT8));
        Object[] values = {7, null, 9L};
        MemorySegment t = MemorySegment.ofArray(HeapTuples.form(desc, values));
        assertEquals(3, HeapTupleHeader.natts(t));
        assertTrue((HeapTupleHeader.infomask(t) & HeapTupleHeader.HEAP_HASNULL) != 0);
        assertEquals(0, HeapTupleHeader.hoff(t) % 8);
        assertEquals(java.util.Arrays.asList(values), java.util.Arrays.asList(HeapTuples.deform(desc, t)));
        ItemPointer tid = new ItemPointer(0xFFFFFFFFL, 291);
        assertEquals(tid, ItemPointer.fromPacked(tid.packed()));
    }
}
