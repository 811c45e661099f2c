package dev.tusk.parser;

import dev.tusk.nodes.CreateTableAsStmt;
import dev.tusk.nodes.ObjectType;
import dev.tusk.nodes.RawStmt;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.Stmt;
import dev.tusk.nodes.UnsupportedStmt;
import dev.tusk.nodes.WithClause;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement level (gram.y's stmtmulti and stmt): splits the string at top-level semicolons, skips empty
 * statements, records each statement's location and length, and dispatches on the leading keywords.
 */
final class StatementParser extends GrammarBase {

    StatementParser(Grammar g) {
        super(g);
    }

    /**
     * stmtmulti: like PostgreSQL, the first statement's location is 0 and each later one starts just after the
     * previous semicolon (leading whitespace and comments included); a statement's length runs to its
     * terminating semicolon, or to the end of the string.
     */
    List<RawStmt> parseStatements() {
        List<RawStmt> out = new ArrayList<>();
        int len = ts.source().length();
        int start = 0;
        while (true) {
            Token t = peek();
            if (t.kind() == TokenKind.EOF) {
                break;
            }
            if (t.isPunct(";")) {
                next();
                start = t.end();
                continue;
            }
            Stmt s = statement();
            Token end = peek();
            if (end.isPunct(";")) {
                out.add(new RawStmt(s, start, end.start() - start));
                next();
                start = end.end();
            } else if (end.kind() == TokenKind.EOF) {
                out.add(new RawStmt(s, start, len - start));
                break;
            } else {
                throw syntaxError();
            }
        }
        return out;
    }

    /** One statement (gram.y's stmt). */
    Stmt statement() {
        Token t = peek();
        String kw = t.keyword();
        if (t.isPunct("(")) {
            return toplevelSelect(g.select.selectStmt());
        }
        if (kw == null) {
            throw syntaxError();
        }
        return switch (kw) {
            case "select", "values", "table" -> toplevelSelect(g.select.selectStmt());
            case "with" -> withStatement();
            case "insert" -> g.dml.insert(null);
            case "update" -> g.dml.update(null);
            case "delete" -> g.dml.delete(null);
            case "create" -> g.ddl.create();
            case "drop" -> g.ddl.drop();
            case "alter" -> g.alter.alter();
            case "truncate" -> g.ddl.truncate();
            case "comment" -> g.roles.comment();
            case "grant", "revoke" -> g.roles.grantOrRevoke();
            case "begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release" ->
                    g.util.transaction();
            case "prepare" -> isKw(1, "transaction") ? g.util.transaction() : g.util.prepare();
            case "set" -> g.util.set();
            case "reset" -> g.util.reset();
            case "show" -> g.util.show();
            case "copy" -> g.util.copy();
            case "explain" -> g.util.explain();
            case "checkpoint" -> g.util.checkpoint();
            case "discard" -> g.util.discard();
            case "execute" -> g.util.execute();
            case "deallocate" -> g.util.deallocate();
            case "listen", "unlisten", "notify" -> g.util.listenNotify();
            case "vacuum", "analyze", "analyse" -> g.util.vacuum();
            case "lock" -> g.util.lock();
            case "do" -> g.util.doStmt();
            case "call" -> g.util.call();
            case "declare", "fetch", "move", "close", "cluster", "reindex", "refresh", "security", "load", "merge",
                    "import", "reassign" -> unsupported(switch (kw) {
                        case "declare" -> "DECLARE CURSOR";
                        case "close" -> "CLOSE CURSOR";
                        case "refresh" -> "REFRESH MATERIALIZED VIEW";
                        case "security" -> "SECURITY LABEL";
                        case "import" -> "IMPORT FOREIGN SCHEMA";
                        case "reassign" -> "REASSIGN OWNED";
                        default -> kw.toUpperCase();
                    });
            default -> throw syntaxError();
        };
    }

    /** SELECT ... INTO becomes CREATE TABLE AS, as PostgreSQL's analyzer does, so later layers see one form. */
    private Stmt toplevelSelect(SelectStmt s) {
        if (s.intoClause() != null) {
            return new CreateTableAsStmt(s.withIntoClause(null), s.intoClause(), ObjectType.TABLE, true, false);
        }
        return s;
    }

    private Stmt withStatement() {
        int mark = ts.mark();
        Stmt dml = modifyingStmt(g.select.withClause());
        if (dml != null) {
            return dml;
        }
        ts.reset(mark);
        return toplevelSelect(g.select.selectStmt());
    }

    /** PreparableStmt: SELECT, INSERT, UPDATE, DELETE (each possibly with WITH). */
    Stmt preparableStmt() {
        Stmt dml = modifyingStmt(null);
        if (dml != null) {
            return dml;
        }
        if (isKw("with")) {
            int mark = ts.mark();
            dml = modifyingStmt(g.select.withClause());
            if (dml != null) {
                return dml;
            }
            ts.reset(mark);
        }
        return g.select.selectStmt();
    }

    /**
     * The INSERT, UPDATE or DELETE that starts at the current token, under {@code with} (null for none); null when
     * the token starts none of them.
     */
    private Stmt modifyingStmt(WithClause with) {
        if (isKw("insert")) {
            return g.dml.insert(with);
        }
        if (isKw("update")) {
            return g.dml.update(with);
        }
        if (isKw("delete")) {
            return g.dml.delete(with);
        }
        return null;
    }

    /**
     * A statement recognised by its leading keywords but not modelled: its tokens are skipped to the end of the
     * statement (parentheses balanced) and an {@link UnsupportedStmt} with PostgreSQL's command tag results.
     */
    Stmt unsupported(String tag) {
        int depth = 0;
        while (true) {
            Token t = peek();
            if (t.kind() == TokenKind.EOF) {
                break;
            }
            if (depth == 0 && t.isPunct(";")) {
                break;
            }
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")")) {
                if (depth == 0) {
                    throw syntaxError();
                }
                depth--;
            }
            next();
        }
        return new UnsupportedStmt(tag);
    }
}
