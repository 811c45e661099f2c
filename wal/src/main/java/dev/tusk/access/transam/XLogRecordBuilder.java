package dev.tusk.access.transam;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assembles one WAL record before {@link XLog#insert} (PostgreSQL's {@code XLogBeginInsert},
 * {@code XLogRegisterBuffer}, {@code XLogRegisterBufData}, {@code XLogRegisterData}).
 *
 * <p>A registered page is the live buffer page, exclusively locked by the caller until the insert
 * returns and the caller has stamped the returned LSN on it. {@link XLog#insert} decides under its
 * insertion lock whether to attach a full-page image: always with {@link #REGBUF_FORCE_IMAGE}, never with
 * {@link #REGBUF_NO_IMAGE} or {@link #REGBUF_WILL_INIT}, otherwise when the page LSN is at or before the
 * current checkpoint's redo pointer (the page's first change since that checkpoint).
 */
public final class XLogRecordBuilder {
    /** Always attach a full-page image. */
    public static final int REGBUF_FORCE_IMAGE = 1;
    /** Never attach a full-page image (the page is not WAL-protected, e.g. being rebuilt anyway). */
    public static final int REGBUF_NO_IMAGE = 2;
    /** Redo re-initialises the page from the record alone; implies no image. */
    public static final int REGBUF_WILL_INIT = 4;

    /** A registered block before insertion. */
    public record Block(int id, RelFileLocator rel, ForkNumber fork, long blockNo, MemorySegment page, int flags,
            List<byte[]> data) {
    }

    private final int rmid;
    private final int info;
    private final long xid;
    private final List<Block> blocks = new ArrayList<>(2);
    private final List<byte[]> mainData = new ArrayList<>(2);

    public XLogRecordBuilder(int rmid, int info, long xid) {
        if (rmid < 0 || rmid >= RmgrId.MAX) {
            throw new IllegalArgumentException("bad rmid " + rmid);
        }
        this.rmid = rmid;
        this.info = info;
        this.xid = xid;
    }

    /** Registers a block; {@code page} may be null only with {@link #REGBUF_WILL_INIT} or NO_IMAGE. */
    public XLogRecordBuilder registerBlock(int id, RelFileLocator rel, ForkNumber fork, long blockNo,
            MemorySegment page, int flags) {
        Objects.requireNonNull(rel, "rel");
        Objects.requireNonNull(fork, "fork");
        if (id < 0 || id > 31 || block(id) != null) {
            throw new IllegalArgumentException("bad or duplicate block id " + id);
        }
        blocks.add(new Block(id, rel, fork, blockNo, page, flags, new ArrayList<>(1)));
        return this;
    }

    /** Appends data that redo needs for block {@code id} only when it has no full-page image. */
    public XLogRecordBuilder registerBlockData(int id, byte[] data) {
        Block b = block(id);
        if (b == null) {
            throw new IllegalArgumentException("block " + id + " not registered");
        }
        b.data().add(data);
        return this;
    }

    /** Appends to the record's main data. */
    public XLogRecordBuilder mainData(byte[] data) {
        mainData.add(Objects.requireNonNull(data, "data"));
        return this;
    }

    public int rmid() {
        return rmid;
    }

    public int info() {
        return info;
    }

    public long xid() {
        return xid;
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** The main data chunks in registration order. */
    public List<byte[]> mainDataChunks() {
        return mainData;
    }

    private Block block(int id) {
        for (Block b : blocks) {
            if (b.id() == id) {
                return b;
            }
        }
        return null;
    }
}
