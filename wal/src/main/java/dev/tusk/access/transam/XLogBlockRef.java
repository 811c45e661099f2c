package dev.tusk.access.transam;

import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;

/**
 * A block referenced by a WAL record as read back from the log (PostgreSQL's {@code DecodedBkpBlock}).
 *
 * @param id         the record-local block id (0..31) the inserter registered it under
 * @param pageImage  the full 8 KB page as it was after the change, or null when the record carries none;
 *                   redo restores it and skips the resource manager's block-specific work
 * @param data       resource-manager data for this block (never null, may be empty)
 * @param willInit   the redo routine re-initialises the page from scratch (no read needed)
 */
public record XLogBlockRef(int id, RelFileLocator rel, ForkNumber fork, long blockNo, byte[] pageImage, byte[] data,
        boolean willInit) {

    public boolean hasImage() {
        return pageImage != null;
    }
}
