package dev.tusk.access.transam;

/**
 * Contents of {@code global/pg_control} (PostgreSQL's {@code ControlFileData}).
 *
 * @param checkPoint  start LSN of the latest checkpoint record
 * @param redo        that checkpoint's REDO location (where replay starts)
 * @param nextXid     next transaction id to assign, as of the checkpoint (64-bit, no epoch needed)
 * @param time        when pg_control was last written, epoch milliseconds
 * @param checkpointTime when the checkpoint was taken, epoch milliseconds
 */
public record ControlFileData(int pgControlVersion, int catalogVersion, long systemIdentifier, DbState state,
        long time, long checkPoint, long redo, int timeline, boolean fullPageWrites, long nextXid, long nextOid,
        long checkpointTime, int blockSize, int walSegmentSize, int dataChecksumVersion) {

    /** The pg_control version PostgreSQL 15 uses. */
    public static final int PG_CONTROL_VERSION = 1300;
    /** PostgreSQL 15's catalog version. */
    public static final int CATALOG_VERSION = 202209061;

    /** A copy in a new state, stamped now. */
    public ControlFileData withState(DbState newState) {
        return new ControlFileData(pgControlVersion, catalogVersion, systemIdentifier, newState,
                System.currentTimeMillis(), checkPoint, redo, timeline, fullPageWrites, nextXid, nextOid,
                checkpointTime, blockSize, walSegmentSize, dataChecksumVersion);
    }

    /** A copy after a checkpoint. */
    public ControlFileData withCheckpoint(DbState newState, long newCheckPoint, long newRedo, long newNextXid,
            long newNextOid, long newCheckpointTime) {
        return new ControlFileData(pgControlVersion, catalogVersion, systemIdentifier, newState,
                System.currentTimeMillis(), newCheckPoint, newRedo, timeline, fullPageWrites, newNextXid,
                newNextOid, newCheckpointTime, blockSize, walSegmentSize, dataChecksumVersion);
    }
}
