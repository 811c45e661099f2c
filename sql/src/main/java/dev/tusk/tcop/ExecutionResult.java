package dev.tusk.tcop;

/** How an Execute ended. */
public sealed interface ExecutionResult {
    /** CommandComplete with PostgreSQL's tag ("SELECT 3", "INSERT 0 1", "BEGIN", "COPY 5", ...). */
    record Completed(String commandTag) implements ExecutionResult {}

    /** The row limit was reached and rows remain: PortalSuspended. */
    record Suspended() implements ExecutionResult {}

    /**
     * COPY FROM STDIN: the protocol sends CopyInResponse, feeds every CopyData to {@code copyIn}, then calls
     * {@link CopyIn#finish()} on CopyDone (its tag completes the command) or {@link CopyIn#fail} on CopyFail.
     */
    record CopyInStarted(short format, int columnCount, CopyIn copyIn) implements ExecutionResult {}

    /** The receiving end of COPY FROM STDIN. */
    interface CopyIn {
        void data(byte[] chunk);

        /** CopyDone: returns the command tag ("COPY n"). */
        String finish();

        /** CopyFail: fails the COPY with 57014 "COPY from stdin failed: msg". */
        void fail(String message);
    }
}
