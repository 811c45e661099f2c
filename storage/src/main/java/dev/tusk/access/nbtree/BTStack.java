package dev.tusk.access.nbtree;

/**
 * The path remembered by a descent (PostgreSQL's {@code BTStackData}): for each internal page passed, its
 * block and the offset of the downlink followed. It may be stale by the time a split uses it; the parent
 * is re-found by {@code NbtInsert.getStackBuf}, which moves right as Lehman and Yao allow.
 */
record BTStack(long blkno, int offnum, BTStack parent) {
}
