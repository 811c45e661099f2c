package dev.tusk.access.transam;

import dev.tusk.utils.error.Severity;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/** WAL that cannot be read or written: a PANIC-class condition for the instance. */
public final class WalException extends TuskException {
    private static final long serialVersionUID = 1L;

    public WalException(String message, Throwable cause) {
        super(Severity.PANIC, SqlState.DATA_CORRUPTED, message, null, null, 0, cause);
    }

    public WalException(String message) {
        this(message, null);
    }
}
