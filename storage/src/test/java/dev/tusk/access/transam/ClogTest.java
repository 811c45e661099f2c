package dev.tusk.access.transam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClogTest {
    @TempDir
    Path dir;

    @Test
    void statusesSurviveFlushAndReopen() {
        List<Long> flushedTo = new ArrayList<>();
        Clog clog = new Clog(dir, flushedTo::add);
        long far = 3L * Clog.XACTS_PER_PAGE * Clog.PAGES_PER_SEGMENT + 17; // segment 0003
        clog.setStatus(3, XidStatus.COMMITTED);
        clog.setStatus(4, XidStatus.ABORTED);
        clog.setTreeStatus(5, new long[] {6, 7}, XidStatus.COMMITTED, 4242);
        clog.setStatus(far, XidStatus.COMMITTED);
        assertEquals(XidStatus.IN_PROGRESS, clog.status(8));
        assertEquals(4242, clog.groupLsn(6));
        assertEquals(2, clog.flush());
        assertEquals(List.of(4242L), flushedTo, "WAL flushed past async commits before the page is written");
        assertEquals(0, clog.flush(), "nothing dirty any more");
        assertTrue(Files.exists(dir.resolve("0000")));
        assertTrue(Files.exists(dir.resolve("0003")));

        Clog reopened = new Clog(dir, null);
        assertEquals(XidStatus.COMMITTED, reopened.status(3));
        assertEquals(XidStatus.ABORTED, reopened.status(4));
        assertEquals(XidStatus.COMMITTED, reopened.status(5));
        assertEquals(XidStatus.COMMITTED, reopened.status(7));
        assertEquals(XidStatus.COMMITTED, reopened.status(far));
        assertEquals(XidStatus.IN_PROGRESS, reopened.status(far + 1));
        assertEquals(XidStatus.IN_PROGRESS, reopened.status(8));
        assertEquals(XidStatus.COMMITTED, reopened.status(TransactionId.FROZEN));
    }

    @Test
    void segmentNamesAsPostgres() {
        assertEquals("0000", Clog.segmentName(0));
        assertEquals("00FF", Clog.segmentName(255));
        assertEquals("10000", Clog.segmentName(65536));
    }

    @Test
    void xactRecordRoundTripAndVariables() {
        XactRecord r = new XactRecord(77, 123, new long[] {78, 90},
                List.of(dev.tusk.storage.RelFileLocator.of(5, 16384)));
        XactRecord back = XactRecord.decode(r.encode());
        assertEquals(77, back.xid());
        assertEquals(90, back.maxXid());
        assertEquals(r.rels(), back.rels());
        TransamVariables v = TransamVariables.initial();
        assertEquals(3, v.allocateXid());
        v.advanceNextXidPast(back.maxXid());
        assertEquals(91, v.nextXid());
        v.advanceNextXidPast(10);
        assertEquals(91, v.nextXid());
        assertEquals(16384, v.newOid());
        assertEquals(16385, v.nextOid());
    }
}
