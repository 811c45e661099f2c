/**
 * The function manager (utils/fmgr): functions, operators and aggregates with PostgreSQL's OIDs
 * ({@link dev.tusk.utils.fmgr.FunctionRegistry}, {@link dev.tusk.utils.fmgr.OperatorRegistry},
 * {@link dev.tusk.utils.fmgr.FunctionDef}, {@link dev.tusk.utils.fmgr.OperatorDef},
 * {@link dev.tusk.utils.fmgr.AggregateDef}), overload resolution as parse_func.c/parse_oper.c do it
 * ({@code resolve} returning {@link dev.tusk.utils.fmgr.FunctionMatch}/{@link dev.tusk.utils.fmgr.OperatorMatch}),
 * and the {@link dev.tusk.utils.fmgr.FunctionContext} through which function bodies reach the session.
 *
 * <p>The built-in set is PostgreSQL 15's pg_proc/pg_operator/pg_cast rows (resources {@code pg_proc.tsv},
 * {@code pg_operator.tsv}, {@code pg_cast.tsv}, dumped from a PostgreSQL 15 catalog) for which a Java body exists;
 * bodies are keyed by the C symbol (prosrc) so that every row and operator naming it is served.
 */
package dev.tusk.utils.fmgr;
