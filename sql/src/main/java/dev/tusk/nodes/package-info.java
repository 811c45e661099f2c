/**
 * The raw parse tree (PostgreSQL's {@code nodes/parsenodes.h}, raw part): immutable records produced by
 * {@link dev.tusk.parser.Parser#parse(String)} before any name or type resolution.
 *
 * <h2>Shape</h2>
 * <ul>
 * <li>{@link dev.tusk.nodes.Node} is the sealed root. {@link dev.tusk.nodes.Stmt} are statements (one per
 * {@link dev.tusk.nodes.RawStmt}), {@link dev.tusk.nodes.Expr} value expressions, {@link dev.tusk.nodes.FromItem}
 * FROM-list items; the other records are clauses (ResTarget, SortBy, TypeName, Alias, WithClause, DefElem...).
 * New node types may be added later: keep a {@code default} branch when switching over these interfaces.</li>
 * <li>Names are already case-folded (lowercase unless they were double-quoted). Dotted names are lists.</li>
 * <li>Lists are never null (empty instead), except {@code SelectStmt.distinctClause} where null means "no
 * DISTINCT" and empty means plain DISTINCT. Optional single nodes (whereClause, alias...) are null when absent.</li>
 * <li>{@code location} fields are 0-based character offsets into the <em>whole</em> query string (not the single
 * statement), -1 when unknown, exactly as PostgreSQL's; an error raised about a node reports
 * {@code location + 1} as its cursor position.</li>
 * </ul>
 *
 * <h2>How SQL maps to nodes (the non-obvious cases, as PostgreSQL's gram.y does)</h2>
 * <ul>
 * <li>Literals: {@link dev.tusk.nodes.AConst} with a typed {@link dev.tusk.nodes.AConst.Literal}; typed literals
 * {@code date '...'} and {@code x::t}, {@code CAST(x AS t)} are {@link dev.tusk.nodes.TypeCast}.</li>
 * <li>Operators incl. {@code OPERATOR(schema.op)}, IS [NOT] DISTINCT FROM, NULLIF, IN (list), LIKE/ILIKE/SIMILAR,
 * BETWEEN, {@code op ANY/ALL (array)} are {@link dev.tusk.nodes.AExpr}; AND/OR/NOT are
 * {@link dev.tusk.nodes.BoolExpr}; {@code NOT IN (list)} is AExpr IN with name "&lt;&gt;"; {@code x IN (subquery)}
 * is a {@link dev.tusk.nodes.SubLink} ANY with an empty operName (meaning =), NOT IN (subquery) that under a NOT.</li>
 * <li>SQL-syntax functions become {@link dev.tusk.nodes.FuncCall}s with pg_catalog-qualified names like
 * PostgreSQL 15: EXTRACT(f FROM x) -> pg_catalog.extract('f', x); SUBSTRING(x FROM a FOR b) ->
 * pg_catalog.substring(x, a, b); POSITION(a IN b) -> pg_catalog.position(b, a); TRIM(BOTH x FROM y) ->
 * pg_catalog.btrim(y, x) (LEADING ltrim, TRAILING rtrim); OVERLAY -> pg_catalog.overlay; x AT TIME ZONE z ->
 * pg_catalog.timezone(z, x); COLLATION FOR (x) -> pg_catalog.pg_collation_for(x).</li>
 * <li>COALESCE / GREATEST / LEAST have their own nodes; CURRENT_DATE & co. are
 * {@link dev.tusk.nodes.SQLValueFunction}.</li>
 * <li>Built-in SQL type spellings become pg_catalog-qualified internal names (see {@link dev.tusk.nodes.TypeName}).</li>
 * <li>ALTER TABLE subcommands are {@link dev.tusk.nodes.AlterTableCmd} records; its RENAME forms are
 * {@link dev.tusk.nodes.RenameStmt}.</li>
 * <li>Column constraints stay in {@link dev.tusk.nodes.ColumnDef#constraints()} in written order; DEFAULT and
 * NOT NULL are {@link dev.tusk.nodes.Constraint}s there, as in PostgreSQL's raw grammar output.</li>
 * </ul>
 */
package dev.tusk.nodes;
