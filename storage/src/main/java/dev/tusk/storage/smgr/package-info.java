/**
 * The storage manager (PostgreSQL's {@code storage/smgr}: {@code smgr.c}, {@code md.c}): relation forks as
 * segment files under the data directory.
 *
 * <p>Invariants:
 * <ul>
 * <li>File names are PostgreSQL's: {@code base/<dbOid>/<relNumber>[_fsm|_vm|_init][.N]}, or
 *     {@code global/<relNumber>...} for the global tablespace; segment {@code N} holds blocks
 *     {@code N*RELSEG_SIZE .. (N+1)*RELSEG_SIZE-1}, and every segment but the last is exactly full.</li>
 * <li>Blocks are written whole (8192 bytes) at their own offset; this layer never interprets page contents,
 *     computes or checks checksums (the buffer pool does) or knows about WAL.</li>
 * <li>Per fork, reads and writes share a lock while extend, truncate, create and unlink hold it exclusively;
 *     the smgr takes no other lock, so callers may hold buffer locks while calling it.</li>
 * <li>Durability: writes land in the OS cache; a segment written since the last {@code syncAll()} is forced by
 *     the next one (the checkpointer's job, before it writes the checkpoint record).</li>
 * <li>Every open channel is accounted in {@code openFiles()}, and {@code close()} brings it to zero.</li>
 * </ul>
 */
package dev.tusk.storage.smgr;
