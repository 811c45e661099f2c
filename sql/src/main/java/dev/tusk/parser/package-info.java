/**
 * The SQL parser (PostgreSQL's {@code src/backend/parser}: {@code scan.l}, {@code gram.y}, {@code parser.c}),
 * hand-written: {@link dev.tusk.parser.Parser#parse(String)} turns a query string into
 * {@link dev.tusk.nodes.RawStmt}s holding the raw tree of {@link dev.tusk.nodes}.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link dev.tusk.parser.Lexer} applies PostgreSQL's lexical rules; {@link dev.tusk.parser.Keywords} is
 * PostgreSQL 15's keyword list with its four categories, which decide where a keyword may be a name (ColId,
 * type_function_name, ColLabel, bare column label) exactly as in gram.y.</li>
 * <li>{@link dev.tusk.parser.TokenStream} lexes lazily (a lexical error after a syntax error is not reported
 * first) and keeps tokens for lookahead and backtracking.</li>
 * <li>Grammar classes share one cursor through {@code Grammar}: {@code StatementParser} (statement list and
 * dispatch), {@code SelectParser}, {@code FromParser}, {@code ExprParser} (precedence climbing),
 * {@code FuncParser}, {@code TypeNameParser}, {@code DmlParser}, {@code DdlParser}, {@code TableElementParser},
 * {@code AlterParser}, {@code RoleParser}, {@code SessionStmtParser}, {@code UtilityParser}.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * Every error is a {@link dev.tusk.utils.error.TuskException} worded as PostgreSQL words it
 * ({@link dev.tusk.parser.ParserErrors}); syntax errors are 42601 {@code syntax error at or near "tok"} or
 * {@code syntax error at end of input}, positioned at the first token that no PostgreSQL rule can take, as a
 * 1-based character offset into the whole query string. Where the grammar needs to try two readings (a
 * parenthesized sub-SELECT versus a parenthesized expression or join), the reading that got further decides the
 * reported error, as an LR parser would. The tests compare messages and positions with a real PostgreSQL 15.
 *
 * <h2>Scope</h2>
 * Statements PostgreSQL accepts but this project does not model (CREATE TYPE/DOMAIN/TRIGGER/..., DECLARE,
 * FETCH, SET CONSTRAINTS...) are recognised by their leading keywords and returned as
 * {@link dev.tusk.nodes.UnsupportedStmt} with PostgreSQL's command tag, their tokens skipped with parentheses
 * balanced. SELECT INTO is returned as CREATE TABLE AS (as PostgreSQL's analyzer rewrites it).
 */
package dev.tusk.parser;
