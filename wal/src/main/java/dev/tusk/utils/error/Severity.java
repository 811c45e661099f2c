package dev.tusk.utils.error;

/** Error severities as PostgreSQL reports them (field S of ErrorResponse). */
public enum Severity {
    DEBUG, LOG, INFO, NOTICE, WARNING, ERROR, FATAL, PANIC
}
