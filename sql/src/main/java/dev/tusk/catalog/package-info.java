/**
 * System catalogs (PostgreSQL's {@code src/backend/catalog} plus the catalog parts of relcache/syscache,
 * namespace.c, ruleutils.c and dbcommands.c).
 *
 * <p>Catalogs are ordinary heap relations with PostgreSQL 15's OIDs, names, column order and types
 * ({@link dev.tusk.catalog.CatalogTables}); their relfilenode is their OID, shared catalogs (pg_database, pg_authid,
 * pg_tablespace, pg_shdescription, ...) live in {@code global/}, the rest once per database. Every catalog and
 * system view is described in its own pg_class/pg_attribute, so client catalog queries run as plain SQL.
 * Column values are stored through the type layer's storage mapping, exactly as user tables are.
 *
 * <p>API: {@link dev.tusk.catalog.CatalogManager} (one per storage engine) hands out a
 * {@link dev.tusk.catalog.Catalog} (reads) and a {@link dev.tusk.catalog.CatalogWriter} (DDL) per database and
 * transaction. {@link dev.tusk.catalog.Bootstrap#initialize} is initdb's catalog step.
 *
 * <p>Transactions: writes are heap inserts/updates/deletes in the caller's transaction followed by
 * CommandCounterIncrement, so DDL is transactional. Reads by a transaction that changed catalogs go through its
 * own snapshot; all other reads share contents loaded once per catalog version, which
 * {@link dev.tusk.catalog.CatalogManager#transactionEnded} advances after a catalog-changing commit (the
 * simplified shared-invalidation protocol; see {@code CatalogStore}).
 *
 * <p>SQL functions that read catalogs ({@link dev.tusk.catalog.CatalogFunctions}: pg_table_is_visible,
 * format_type, pg_get_expr/constraintdef/indexdef/viewdef, obj_description, ..., and the reg* types through
 * {@link dev.tusk.catalog.CatalogRegLookup}) reach the session through
 * {@code FunctionContext.service(SessionCatalog.class)}. The pg_settings view reads {@code pg_show_all_settings()}
 * (OID 2084), which the GUC layer registers.
 *
 * <p>information_schema ({@link dev.tusk.catalog.InformationSchema}, namespace OID 13207): its helper functions
 * ({@code _pg_expandarray} and the typmod decoders, Java bodies) and the most used views as stored view SQL; the
 * SQL domains are replaced by their base types. {@link dev.tusk.catalog.ProcOutParams} gives the OUT parameters
 * (result row columns) of the functions returning {@code record}.
 *
 * <p>There are no catalog indexes: lookups are served from the loaded contents, and the writers find the rows
 * they change by sequential scan. In place of the unique indexes on names (relations per schema, schemas, roles,
 * databases), a transaction taking a name holds a name lock until it ends ({@code NameLocks}): a concurrent
 * creator of the same name waits, then fails if the first committed. Sessions report their database through
 * {@link dev.tusk.catalog.CatalogManager#sessionConnected}, so DROP/RENAME DATABASE and CREATE DATABASE from a
 * template refuse databases other sessions use (55006).
 */
package dev.tusk.catalog;
