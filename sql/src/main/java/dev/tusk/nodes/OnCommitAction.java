package dev.tusk.nodes;

/** ON COMMIT of a temporary table (PostgreSQL's {@code OnCommitAction}). */
public enum OnCommitAction { NOOP, PRESERVE_ROWS, DELETE_ROWS, DROP }
