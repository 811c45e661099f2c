/**
 * Utility commands (PostgreSQL's {@code commands/*.c}): one class per family — {@link dev.tusk.commands.TableCommands}
 * (CREATE TABLE), {@link dev.tusk.commands.AlterTableCommands} (ALTER TABLE, RENAME), {@link dev.tusk.commands.DropCommands},
 * {@link dev.tusk.commands.IndexCommands}, {@link dev.tusk.commands.SequenceCommands}, {@link dev.tusk.commands.ViewCommands},
 * {@link dev.tusk.commands.SchemaCommands}, {@link dev.tusk.commands.DatabaseCommands}, {@link dev.tusk.commands.RoleCommands},
 * {@link dev.tusk.commands.CommentCommands}, {@link dev.tusk.commands.TruncateCommands}, {@link dev.tusk.commands.CreateTableAs},
 * and COPY ({@link dev.tusk.commands.CopyFrom}, {@link dev.tusk.commands.CopyTo}).
 *
 * <p>Every command runs inside the caller's transaction with a {@link dev.tusk.commands.CommandContext}: catalog
 * changes go through {@code CatalogWriter} (catalog rows in the same transaction, so DDL is transactional and a
 * rollback undoes it), relation files through the storage layer (created files are removed again on abort,
 * dropped ones go at commit). Commands that change the row shape of a table with rows in it rewrite the table
 * into new files ({@code TableRewrite}); rows always go through {@code executor.modify} so constraints and
 * indexes are maintained in one place. Messages and SQLSTATEs follow PostgreSQL 15 exactly.
 */
package dev.tusk.commands;
