package dev.tusk.nodes;

/** A role reference: a name, CURRENT_ROLE, CURRENT_USER, SESSION_USER or PUBLIC (PostgreSQL's {@code RoleSpec}). */
public record RoleSpec(Type roletype, String rolename, int location) implements Node {
    public enum Type { CSTRING, CURRENT_ROLE, CURRENT_USER, SESSION_USER, PUBLIC }
}
