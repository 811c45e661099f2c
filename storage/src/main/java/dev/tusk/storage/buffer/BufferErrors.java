package dev.tusk.storage.buffer;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/** The buffer manager's error messages, in PostgreSQL's {@code bufmgr.c}/{@code freelist.c} wording. */
final class BufferErrors {
    private BufferErrors() {
    }

    /** ReadBuffer_common when PageIsVerified fails. */
    static TuskException invalidPage(BufferTag tag) {
        return new TuskException(SqlState.DATA_CORRUPTED,
                "invalid page in block %d of relation %s".formatted(tag.blockNo(), tag.relationPath()));
    }

    /**
     * StrategyGetBuffer with every buffer pinned. PostgreSQL raises it with elog (XX000); Tusk reports the
     * closer class 53 (insufficient resources) because a too-small shared_buffers is the usual cause.
     */
    static TuskException noUnpinnedBuffers() {
        return new TuskException(SqlState.INSUFFICIENT_RESOURCES, "no unpinned buffers available")
                .withHint("Increase shared_buffers or pin fewer buffers at once.");
    }
}
