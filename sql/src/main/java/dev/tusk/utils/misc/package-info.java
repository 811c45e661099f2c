/**
 * Run-time settings (PostgreSQL's {@code utils/misc/guc.c}): {@link dev.tusk.utils.misc.GucTable} holds every
 * setting PostgreSQL 15 has (names, types, units, contexts, categories, descriptions, bounds, enum values and
 * defaults, read from {@code guc-table.tsv}), {@link dev.tusk.utils.misc.GucSession} one session's values.
 *
 * <p>Values are kept as pg_settings.setting text (numbers in their base unit) and printed by SHOW with units.
 * Sources in order: built-in default, the server's configuration file, StartupMessage options (these become the
 * RESET values), then SET. The transactional stack follows guc.c: a SET inside a transaction or savepoint that
 * rolls back is undone, SET LOCAL ends with its transaction, and a plain SET after SET LOCAL survives commit.
 * Settings marked GUC_REPORT are reported to the client whenever their shown value changes.
 */
package dev.tusk.utils.misc;
