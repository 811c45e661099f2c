/**
 * Parse analysis (PostgreSQL's {@code parser/parse_*.c} and {@code analyze.c}): raw trees of
 * {@code dev.tusk.nodes} to typed {@link dev.tusk.parser.analyze.Query}/{@link dev.tusk.parser.analyze.TypedExpr}
 * trees with names resolved through the catalog and types through the type layer's registries, plus the
 * deparser ({@link dev.tusk.parser.analyze.Deparser}, ruleutils.c) that prints analyzed expressions back.
 * Errors carry PostgreSQL's SQLSTATEs, messages and cursor positions.
 */
package dev.tusk.parser.analyze;
