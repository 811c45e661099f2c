package dev.tusk.nodes;

import java.util.List;

/**
 * SET / RESET (PostgreSQL's {@code VariableSetStmt}).
 * <ul>
 * <li>SET [SESSION|LOCAL] name {TO|=} value, ...: kind VALUE, args are AConsts (numbers, strings; identifiers
 * and keywords such as {@code on} become Str), or a TypeCast for {@code SET TIME ZONE INTERVAL '...'}.</li>
 * <li>SET name TO DEFAULT: kind DEFAULT. SET name FROM CURRENT: kind CURRENT.</li>
 * <li>SET TIME ZONE x -> name "timezone" (LOCAL/DEFAULT -> kind DEFAULT); SET SCHEMA 'x' -> "search_path";
 * SET NAMES x -> "client_encoding"; SET ROLE x -> "role"; SET SESSION AUTHORIZATION x -> "session_authorization";
 * SET XML OPTION x -> "xmloption"; SET CATALOG x -> "catalog".</li>
 * <li>SET TRANSACTION modes: kind MULTI, name "TRANSACTION", args are DefElems as in {@link TransactionStmt};
 * SET SESSION CHARACTERISTICS AS TRANSACTION modes: name "SESSION CHARACTERISTICS";
 * SET TRANSACTION SNAPSHOT 'x': name "TRANSACTION SNAPSHOT", VALUE.</li>
 * <li>RESET name: kind RESET (RESET TIME ZONE -> "timezone", RESET SESSION AUTHORIZATION ->
 * "session_authorization", RESET TRANSACTION ISOLATION LEVEL -> "transaction_isolation"); RESET ALL:
 * kind RESET_ALL, name null.</li>
 * </ul>
 * Names are lowercased unless quoted; a dotted name (my.var) is joined with '.'.
 */
public record VariableSetStmt(Kind kind, String name, List<Node> args, boolean isLocal) implements Stmt {
    public VariableSetStmt {
        args = List.copyOf(args);
    }

    public enum Kind { VALUE, DEFAULT, CURRENT, MULTI, RESET, RESET_ALL }
}
