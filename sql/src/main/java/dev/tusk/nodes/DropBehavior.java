package dev.tusk.nodes;

/** RESTRICT (the default) or CASCADE (PostgreSQL's {@code DropBehavior}). */
public enum DropBehavior { RESTRICT, CASCADE }
