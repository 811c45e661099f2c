package dev.tusk.access.transam;

/** Cluster states kept in pg_control, with the words pg_controldata prints. */
public enum DbState {
    STARTUP("starting up"),
    SHUTDOWNED("shut down"),
    SHUTDOWNED_IN_RECOVERY("shut down in recovery"),
    SHUTDOWNING("shutting down"),
    IN_CRASH_RECOVERY("in crash recovery"),
    IN_ARCHIVE_RECOVERY("in archive recovery"),
    IN_PRODUCTION("in production");

    private final String label;

    DbState(String label) {
        this.label = label;
    }

    /** The text pg_controldata prints for the state. */
    public String label() {
        return label;
    }
}
