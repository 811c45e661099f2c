package dev.tusk.access.transam;

/** A resource manager's redo routine (PostgreSQL's {@code RmgrData.rm_redo}). */
@FunctionalInterface
public interface RedoHandler {
    void redo(XLogRecord record, RedoContext context);
}
