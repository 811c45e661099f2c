package dev.tusk.server;

import dev.tusk.access.transam.ControlFile;
import dev.tusk.access.transam.ControlFileData;
import dev.tusk.access.transam.Lsn;
import dev.tusk.access.transam.XLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code tusk controldata}: prints {@code global/pg_control} with pg_controldata's labels and alignment
 * (PostgreSQL's {@code pg_controldata.c}), limited to the fields Tusk keeps.
 */
final class ControlData {
    /** pg_controldata pads every label to this width. */
    static final int LABEL_WIDTH = 38;
    /** strftime's %c in the C locale. */
    private static final DateTimeFormatter C_TIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private ControlData() {
    }

    static int run(Cli cli) {
        Path dir = cli.dataDir().orElse(null);
        if (dir == null) {
            return cli.error("no data directory specified",
                    "Try \"tusk controldata -D DIR\".");
        }
        Path file = ControlFile.path(dir);
        if (!Files.exists(file)) {
            return cli.error("could not open file \"" + file + "\" for reading: No such file or directory");
        }
        lines(ControlFile.read(dir)).forEach(cli.out()::println);
        return Cli.OK;
    }

    /** The report, one line per field. */
    static List<String> lines(ControlFileData c) {
        List<String> out = new ArrayList<>();
        add(out, "pg_control version number:", c.pgControlVersion());
        add(out, "Catalog version number:", c.catalogVersion());
        add(out, "Database system identifier:", Long.toUnsignedString(c.systemIdentifier()));
        add(out, "Database cluster state:", c.state().label());
        add(out, "pg_control last modified:", time(c.time()));
        add(out, "Latest checkpoint location:", Lsn.format(c.checkPoint()));
        add(out, "Latest checkpoint's REDO location:", Lsn.format(c.redo()));
        add(out, "Latest checkpoint's REDO WAL file:",
                XLog.segmentFileName(c.timeline(), Long.divideUnsigned(c.redo(), c.walSegmentSize()), c.walSegmentSize()));
        add(out, "Latest checkpoint's TimeLineID:", c.timeline());
        add(out, "Latest checkpoint's full_page_writes:", c.fullPageWrites() ? "on" : "off");
        // A 64-bit xid printed as PostgreSQL prints a FullTransactionId: epoch:xid.
        add(out, "Latest checkpoint's NextXID:", (c.nextXid() >>> 32) + ":" + (c.nextXid() & 0xFFFFFFFFL));
        add(out, "Latest checkpoint's NextOID:", c.nextOid());
        add(out, "Time of latest checkpoint:", time(c.checkpointTime()));
        add(out, "Database block size:", c.blockSize());
        add(out, "WAL block size:", c.blockSize());
        add(out, "Bytes per WAL segment:", c.walSegmentSize());
        add(out, "Data page checksum version:", c.dataChecksumVersion());
        return out;
    }

    private static void add(List<String> out, String label, Object value) {
        StringBuilder sb = new StringBuilder(label);
        while (sb.length() < LABEL_WIDTH) {
            sb.append(' ');
        }
        out.add(sb.append(value).toString());
    }

    private static String time(long epochMillis) {
        return C_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
    }
}
