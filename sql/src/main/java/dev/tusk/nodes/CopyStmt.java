package dev.tusk.nodes;

import java.util.List;

/**
 * COPY (PostgreSQL's {@code CopyStmt}): {@code COPY t [(cols)] FROM/TO STDIN/STDOUT/'file'/PROGRAM 'cmd' [[WITH]
 * (options)] [WHERE cond]} or {@code COPY (query) TO ...}. Exactly one of relation and query is set;
 * filename null means STDIN/STDOUT. Options are DefElems named as PostgreSQL names them, whether written in
 * the new parenthesized form or the old keyword form: format (Str "text"/"csv"/"binary"; old BINARY and CSV
 * keywords give format), header (Bool, or Str "match"; bare HEADER gives a null arg = true), delimiter, null,
 * quote, escape, encoding (Str), force_quote / force_not_null / force_null (NodeList of Str, or AConst Str "*"
 * wrapped... a bare {@code *} as {@link AConst.Literal.Str} "*"), freeze (Bool or null arg).
 * A parenthesized option without value has a null arg.
 */
public record CopyStmt(RangeVar relation, Stmt query, List<String> attlist, boolean isFrom, boolean isProgram,
        String filename, List<DefElem> options, Expr whereClause) implements Stmt {
    public CopyStmt {
        attlist = List.copyOf(attlist);
        options = List.copyOf(options);
    }
}
