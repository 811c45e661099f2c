package dev.tusk.access.transam;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of one WAL record (PostgreSQL's {@code XLogRecord} + {@code XLogRecordBlockHeader},
 * assembled as in {@code XLogRecordAssemble}, decoded as in {@code DecodeXLogRecord}). All fields are
 * little-endian.
 *
 * <pre>
 * record header (32 bytes)
 *   0  int   total length (header + block headers + payload), without the alignment padding
 *   4  int   CRC32C over bytes [32, total), then [0, 4), then [8, 32)  (payload first, as xl_crc)
 *   8  long  start LSN of this very record (stale bytes from an older use of a file never match)
 *  16  long  xid
 *  24  byte  rmid      25 byte info      26 byte block count      27 byte flags (0)
 *  28  int   main data length
 * block header (36 bytes each, ascending block id)
 *   0  byte id   1 byte flags (1 has image, 2 will init, 4 image has a hole)   2 byte fork   3 pad
 *   4  int spcOid   8 int dbOid   12 int relNumber   16 long block number
 *  24  int data length   28 int stored image length   32 short hole offset   34 short hole length
 * payload: per block in header order its image bytes (hole left out) then its data; then the main data
 * padding to the next multiple of 8 (zeros); the next record starts there
 * </pre>
 */
final class XLogRecordFormat {
    static final int HEADER_SIZE = 32;
    static final int BLOCK_HEADER_SIZE = 36;
    /** Page size of the pages images are taken of. */
    static final int BLCKSZ = 8192;
    /** Tusk's page header size: a hole is only taken from a page whose pd_lower is past it. */
    static final int SIZE_OF_PAGE_HEADER = 32;
    /** Lengths above this are garbage, not records (PostgreSQL's XLogRecordMaxSize is 1020 MB). */
    static final int MAX_RECORD_LENGTH = 1 << 30;
    static final int ALIGN = 8;

    static final int BKP_HAS_IMAGE = 1;
    static final int BKP_WILL_INIT = 2;
    static final int BKP_HAS_HOLE = 4;

    private static final int OFF_LENGTH = 0;
    private static final int OFF_CRC = 4;
    private static final int OFF_START = 8;
    private static final ValueLayout.OfLong PAGE_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort PAGE_SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ForkNumber[] FORKS = ForkNumber.values();

    private XLogRecordFormat() {
    }

    static long align(long n) {
        return (n + ALIGN - 1) & -ALIGN;
    }

    /**
     * One record encoded outside the insertion lock: everything except its start LSN and the part of the
     * CRC covering the header, which {@link #finish} adds once the insert position is known.
     */
    static final class Assembled {
        private final byte[] bytes;
        private final int totalLength;
        private final CRC32C crc;
        private final long redoUsed;

        private Assembled(byte[] bytes, int totalLength, CRC32C crc, long redoUsed) {
            this.bytes = bytes;
            this.totalLength = totalLength;
            this.crc = crc;
            this.redoUsed = redoUsed;
        }

        /** The record including the zero padding to the 8-byte boundary. */
        byte[] bytes() {
            return bytes;
        }

        int alignedLength() {
            return bytes.length;
        }

        /** The redo pointer the full-page-image decisions were made against. */
        long redoUsed() {
            return redoUsed;
        }

        /** Stamps the start LSN and completes the CRC (data first, then the header, as PostgreSQL). */
        void finish(long startLsn) {
            ByteBuffer b = le(bytes);
            b.putLong(OFF_START, startLsn);
            crc.update(bytes, 0, OFF_CRC);
            crc.update(bytes, OFF_START, HEADER_SIZE - OFF_START);
            b.putInt(OFF_CRC, (int) crc.getValue());
        }
    }

    /**
     * XLogRecordAssemble: encodes the record, attaching a full-page image to each block that
     * {@link #needsImage} says needs one under {@code redo}.
     */
    static Assembled assemble(XLogRecordBuilder rec, long redo) {
        List<XLogRecordBuilder.Block> blocks = new ArrayList<>(rec.blocks());
        blocks.sort(Comparator.comparingInt(XLogRecordBuilder.Block::id));
        int n = blocks.size();
        int[] holeOffset = new int[n];
        int[] holeLength = new int[n];
        boolean[] image = new boolean[n];
        long length = HEADER_SIZE + (long) BLOCK_HEADER_SIZE * n;
        for (int i = 0; i < n; i++) {
            XLogRecordBuilder.Block b = blocks.get(i);
            if (needsImage(b, redo)) {
                image[i] = true;
                int lower = Short.toUnsignedInt(b.page().get(PAGE_SHORT, 14));
                int upper = Short.toUnsignedInt(b.page().get(PAGE_SHORT, 16));
                if (lower >= SIZE_OF_PAGE_HEADER && upper > lower && upper <= BLCKSZ) {
                    holeOffset[i] = lower;
                    holeLength[i] = upper - lower;
                }
                length += BLCKSZ - holeLength[i];
            }
            length += chunksLength(b.data());
        }
        long mainLength = chunksLength(rec.mainDataChunks());
        length += mainLength;
        if (length > MAX_RECORD_LENGTH) {
            throw WalErrors.recordTooLarge(length, MAX_RECORD_LENGTH);
        }
        byte[] bytes = new byte[(int) align(length)];
        ByteBuffer buf = le(bytes);
        buf.putInt((int) length).putInt(0).putLong(0).putLong(rec.xid());
        buf.put((byte) rec.rmid()).put((byte) rec.info()).put((byte) n).put((byte) 0).putInt((int) mainLength);
        for (int i = 0; i < n; i++) {
            XLogRecordBuilder.Block b = blocks.get(i);
            int flags = (image[i] ? BKP_HAS_IMAGE : 0)
                    | ((b.flags() & XLogRecordBuilder.REGBUF_WILL_INIT) != 0 ? BKP_WILL_INIT : 0)
                    | (holeLength[i] > 0 ? BKP_HAS_HOLE : 0);
            buf.put((byte) b.id()).put((byte) flags).put((byte) b.fork().ordinal()).put((byte) 0);
            buf.putInt(b.rel().spcOid()).putInt(b.rel().dbOid()).putInt(b.rel().relNumber()).putLong(b.blockNo());
            buf.putInt((int) chunksLength(b.data())).putInt(image[i] ? BLCKSZ - holeLength[i] : 0);
            buf.putShort((short) holeOffset[i]).putShort((short) holeLength[i]);
        }
        int pos = buf.position();
        for (int i = 0; i < n; i++) {
            XLogRecordBuilder.Block b = blocks.get(i);
            if (image[i]) {
                MemorySegment page = b.page();
                MemorySegment.copy(page, ValueLayout.JAVA_BYTE, 0, bytes, pos, holeOffset[i]);
                pos += holeOffset[i];
                int rest = holeOffset[i] + holeLength[i];
                MemorySegment.copy(page, ValueLayout.JAVA_BYTE, rest, bytes, pos, BLCKSZ - rest);
                pos += BLCKSZ - rest;
            }
            // Block data is kept even with an image: redo ignores it then, but a logical decoder needs it.
            pos = copyChunks(b.data(), bytes, pos);
        }
        copyChunks(rec.mainDataChunks(), bytes, pos);
        CRC32C crc = new CRC32C();
        crc.update(bytes, HEADER_SIZE, (int) length - HEADER_SIZE);
        return new Assembled(bytes, (int) length, crc, redo);
    }

    /**
     * The full-page-write rule: always with FORCE_IMAGE, never with NO_IMAGE or WILL_INIT, otherwise when the
     * page has not been changed since the checkpoint's redo pointer (its pd_lsn is at or before it).
     */
    static boolean needsImage(XLogRecordBuilder.Block b, long redo) {
        if ((b.flags() & XLogRecordBuilder.REGBUF_FORCE_IMAGE) != 0) {
            requirePage(b);
            return true;
        }
        if ((b.flags() & (XLogRecordBuilder.REGBUF_NO_IMAGE | XLogRecordBuilder.REGBUF_WILL_INIT)) != 0) {
            return false;
        }
        requirePage(b);
        return b.page().get(PAGE_LONG, 0) <= redo;
    }

    private static void requirePage(XLogRecordBuilder.Block b) {
        if (b.page() == null || b.page().byteSize() != BLCKSZ) {
            throw new IllegalArgumentException("block " + b.id() + " needs its " + BLCKSZ + "-byte page for an image");
        }
    }

    /** Length field of a header read from disk. */
    static int totalLength(byte[] header) {
        return le(header).getInt(OFF_LENGTH);
    }

    static long startLsn(byte[] header) {
        return le(header).getLong(OFF_START);
    }

    /** Number of block headers following the record header. */
    static int blockCount(byte[] header) {
        return Byte.toUnsignedInt(header[26]);
    }

    /**
     * The total length that the record header and its block headers add up to (record header, block headers,
     * images, block data, main data), or -1 when a field is negative or an image length is impossible. The
     * reader compares it with the length field before allocating the record, so that a damaged length is
     * recognised from at most ~9 KB of headers (PostgreSQL's ValidXLogRecordHeader guards the allocation).
     */
    static long layoutLength(byte[] header, byte[] blockHeaders) {
        ByteBuffer h = le(header);
        ByteBuffer b = le(blockHeaders);
        int n = blockCount(header);
        long total = HEADER_SIZE + (long) BLOCK_HEADER_SIZE * n;
        int mainLength = h.getInt(28);
        if (mainLength < 0 || blockHeaders.length != BLOCK_HEADER_SIZE * n) {
            return -1;
        }
        total += mainLength;
        for (int i = 0; i < n; i++) {
            int at = BLOCK_HEADER_SIZE * i;
            int flags = Byte.toUnsignedInt(b.get(at + 1));
            int dataLength = b.getInt(at + 24);
            int imageLength = b.getInt(at + 28);
            if (dataLength < 0 || imageLength < 0 || imageLength > BLCKSZ) {
                return -1;
            }
            total += dataLength;
            if ((flags & BKP_HAS_IMAGE) != 0) {
                total += imageLength;
            }
        }
        return total;
    }

    /** Whether the stored CRC matches the record's bytes ({@code rec} holds exactly the total length). */
    static boolean crcMatches(byte[] rec) {
        CRC32C crc = new CRC32C();
        crc.update(rec, HEADER_SIZE, rec.length - HEADER_SIZE);
        crc.update(rec, 0, OFF_CRC);
        crc.update(rec, OFF_START, HEADER_SIZE - OFF_START);
        return (int) crc.getValue() == le(rec).getInt(OFF_CRC);
    }

    /** DecodeXLogRecord: a CRC-checked record into its parts; full page images come back whole. */
    static XLogRecord decode(byte[] rec, long startLsn) {
        ByteBuffer b = le(rec);
        long xid = b.getLong(16);
        int rmid = Byte.toUnsignedInt(b.get(24));
        int info = Byte.toUnsignedInt(b.get(25));
        int n = Byte.toUnsignedInt(b.get(26));
        int mainLength = b.getInt(28);
        int pos = HEADER_SIZE + BLOCK_HEADER_SIZE * n;
        if (pos > rec.length) {
            throw WalErrors.malformedRecord(startLsn, "block headers past the record end");
        }
        List<XLogBlockRef> blocks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int h = HEADER_SIZE + BLOCK_HEADER_SIZE * i;
            int id = Byte.toUnsignedInt(b.get(h));
            int flags = Byte.toUnsignedInt(b.get(h + 1));
            int fork = Byte.toUnsignedInt(b.get(h + 2));
            if (fork >= FORKS.length) {
                throw WalErrors.malformedRecord(startLsn, "fork number " + fork);
            }
            RelFileLocator rel = new RelFileLocator(b.getInt(h + 4), b.getInt(h + 8), b.getInt(h + 12));
            long blockNo = b.getLong(h + 16);
            int dataLength = b.getInt(h + 24);
            int imageLength = b.getInt(h + 28);
            int holeOffset = Short.toUnsignedInt(b.getShort(h + 32));
            int holeLength = Short.toUnsignedInt(b.getShort(h + 34));
            byte[] image = null;
            if ((flags & BKP_HAS_IMAGE) != 0) {
                if (imageLength != BLCKSZ - holeLength || holeOffset + holeLength > BLCKSZ
                        || pos + imageLength > rec.length) {
                    throw WalErrors.malformedRecord(startLsn, "bad image of block " + id);
                }
                image = new byte[BLCKSZ];
                System.arraycopy(rec, pos, image, 0, holeOffset);
                System.arraycopy(rec, pos + holeOffset, image, holeOffset + holeLength,
                        BLCKSZ - holeOffset - holeLength);
                pos += imageLength;
            }
            if (dataLength < 0 || pos + dataLength > rec.length) {
                throw WalErrors.malformedRecord(startLsn, "bad data length of block " + id);
            }
            byte[] data = Arrays.copyOfRange(rec, pos, pos + dataLength);
            pos += dataLength;
            blocks.add(new XLogBlockRef(id, rel, FORKS[fork], blockNo, image, data, (flags & BKP_WILL_INIT) != 0));
        }
        if (mainLength < 0 || pos + mainLength != rec.length) {
            throw WalErrors.malformedRecord(startLsn, "main data length " + mainLength);
        }
        byte[] main = Arrays.copyOfRange(rec, pos, pos + mainLength);
        return new XLogRecord(startLsn, startLsn + align(rec.length), xid, rmid, info, List.copyOf(blocks), main);
    }

    private static long chunksLength(List<byte[]> chunks) {
        long total = 0;
        for (byte[] c : chunks) {
            total += c.length;
        }
        return total;
    }

    private static int copyChunks(List<byte[]> chunks, byte[] dst, int pos) {
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, dst, pos, c.length);
            pos += c.length;
        }
        return pos;
    }

    static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
