package dev.tusk.catalog;

import dev.tusk.utils.adt.PgType;
import java.util.List;

/**
 * Read access to one database's catalogs for one transaction (PostgreSQL's syscache/relcache and
 * {@code namespace.c}). Obtained from {@link CatalogManager#catalog}. Like PostgreSQL's catalog snapshot, a read
 * sees every committed catalog change plus the calling transaction's own changes up to its last
 * {@code CommandCounterIncrement} (the writers increment after each change).
 *
 * <p>Lookups that return a single object return null when it does not exist; the {@code resolve*} methods throw
 * PostgreSQL's error instead. {@code searchPath} lists schema names as the search_path GUC does ("$user" is
 * replaced by the current user's name; pg_catalog is searched first unless listed explicitly; schemas that do
 * not exist are skipped).
 */
public interface Catalog {
    /** The database these catalogs belong to. */
    int databaseOid();

    // ---- relations

    /** The relation with this pg_class OID, or null. */
    RelationDesc relation(int oid);

    /** The relation called {@code name} in schema {@code namespaceOid}, or null. */
    RelationDesc relation(int namespaceOid, String name);

    /**
     * RangeVarGetRelid: {@code [schema,] name} ({@code [db, schema, name]} accepted when db is this database)
     * looked up along {@code searchPath}; 42P01 {@code relation "x" does not exist} (or 3F000 schema "s" does
     * not exist for a qualified name in a missing schema).
     */
    RelationDesc resolveRelation(List<String> qualifiedName, List<String> searchPath);

    /** Like {@link #resolveRelation} but null when there is no such relation. */
    RelationDesc lookupRelation(List<String> qualifiedName, List<String> searchPath);

    /** The pg_constraint row with this OID, or null. */
    ConstraintDesc constraint(int oid);

    /** The index with this pg_class OID, or null. */
    IndexDesc index(int oid);

    /** A pg_trigger row by OID, or null. */
    TriggerDesc trigger(int oid);

    /** Every relation of the database (catalogs included), in OID order. */
    List<RelationDesc> listRelations();

    /** RelationIsVisible: found first by its unqualified name along {@code searchPath}. */
    boolean isRelationVisible(int relOid, List<String> searchPath);

    /**
     * The sequence owned by column {@code attnum} of table {@code tableOid} (serial/identity, pg_depend 'a'), or 0;
     * what pg_get_serial_sequence reports.
     */
    int ownedSequence(int tableOid, int attnum);

    /** pg_sequence parameters of a sequence relation, or null. */
    SequenceDesc sequence(int relOid);

    // ---- schemas

    NamespaceDesc namespace(int oid);

    NamespaceDesc namespace(String name);

    List<NamespaceDesc> namespaces();

    /** fetch_search_path: the OIDs of the existing schemas searched, implicit pg_catalog included. */
    List<Integer> searchPathOids(List<String> searchPath);

    /**
     * The schema CREATE puts an unqualified name into: the first existing schema of {@code searchPath} (not the
     * implicit pg_catalog). 3F000 {@code no schema has been selected to create in} when there is none.
     */
    int creationNamespace(List<String> searchPath);

    /** The calling session's temp namespace (pg_temp_N) if it exists, else 0 (pg_my_temp_schema). */
    default int myTempNamespace() {
        return 0;
    }

    // ---- types and functions

    /** A type by OID (built-in types from the type registry), or null. */
    PgType type(int oid);

    /**
     * A type by (possibly qualified) name along the search path, SQL aliases accepted ("integer", "character
     * varying", "int4[]"), or null.
     */
    PgType lookupType(List<String> qualifiedName, List<String> searchPath);

    /** pg_proc row by OID, or null. */
    ProcDesc function(int oid);

    /** All pg_proc rows called {@code name} (any schema). */
    List<ProcDesc> functions(String name);

    // ---- roles and databases (shared catalogs)

    RoleDesc role(int oid);

    RoleDesc role(String name);

    List<RoleDesc> roles();

    DatabaseDesc database(int oid);

    DatabaseDesc database(String name);

    List<DatabaseDesc> databases();

    // ---- comments and dependencies

    /** pg_description text for (objoid, classoid, objsubid), or null. */
    String description(int objOid, int classOid, int objSubId);

    /** pg_shdescription text (databases, roles, tablespaces), or null. */
    String sharedDescription(int objOid, int classOid);

    /**
     * Objects that depend on relation {@code relOid} in a way DROP must care about: views using it and foreign
     * keys of other tables referencing it (not its own indexes, constraints or owned sequences).
     */
    List<Dependent> dependents(int relOid);

    /**
     * One dependent object for DROP's messages.
     *
     * @param description as PostgreSQL words it, e.g. {@code view v} or {@code constraint b_a_fkey on table b}
     * @param classOid    1259 pg_class or 2606 pg_constraint
     * @param objOid      the dependent object's OID
     */
    record Dependent(String description, int classOid, int objOid) {
    }
}
