/**
 * The slotted page (PostgreSQL's {@code storage/page}: {@code bufpage.c}, {@code checksum.c}), as static
 * operations on an 8 KB {@link java.lang.foreign.MemorySegment}.
 *
 * <p>Invariants:
 * <ul>
 * <li>Header fields are little-endian; {@code SIZE_OF_PAGE_HEADER <= pd_lower <= pd_upper <= pd_special <=
 *     BLCKSZ}; line pointers grow up from the header, tuples (MAXALIGNed) grow down from the special space.</li>
 * <li>Offset numbers are 1-based; a line pointer keeps its number for the life of the tuple version
 *     ({@code repairFragmentation} moves tuples, never line pointers), since TIDs point at it.</li>
 * <li>{@code pd_lsn} is the end of the WAL record of the page's latest change; the page may reach disk only
 *     once WAL is flushed that far (enforced by the buffer pool).</li>
 * <li>The checksum ({@code PageChecksum}) covers the whole page with the checksum field as zero and is mixed
 *     with the block number. It is stamped only on a private copy at write time and verified on read; an
 *     all-zero page (extended, never written) has none and is valid. Code that changes a page never has to
 *     maintain the checksum.</li>
 * <li>Callers hold the buffer's content lock: exclusive to change a page, shared to read it (hint bits may be
 *     set under the shared lock).</li>
 * </ul>
 */
package dev.tusk.storage.page;
