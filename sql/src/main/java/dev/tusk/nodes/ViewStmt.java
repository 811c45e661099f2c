package dev.tusk.nodes;

import java.util.List;

/**
 * CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW name [(cols)] [WITH (opts)] AS query [WITH [CASCADED|LOCAL] CHECK
 * OPTION] (PostgreSQL's {@code ViewStmt}). {@code queryLocation}/{@code queryLength} locate the query's text in
 * the statement string so the command layer can keep the original text if it wants.
 */
public record ViewStmt(RangeVar view, List<String> aliases, SelectStmt query, boolean replace, List<DefElem> options,
        CheckOption withCheckOption, int queryLocation, int queryLength) implements Stmt {
    public ViewStmt {
        aliases = List.copyOf(aliases);
        options = List.copyOf(options);
    }

    public enum CheckOption { NO_CHECK_OPTION, LOCAL_CHECK_OPTION, CASCADED_CHECK_OPTION }
}
