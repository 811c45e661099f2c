package dev.tusk.catalog;

import dev.tusk.access.nbtree.IndexEntry;
import dev.tusk.storage.RelFileLocator;
import java.util.Iterator;
import java.util.List;

/**
 * Catalog changes of one transaction in one database (PostgreSQL's {@code heap.c}, {@code index.c},
 * {@code namespace.c}, {@code pg_constraint.c}, {@code dependency.c}, ...). Every change is a heap
 * insert/update/delete of catalog rows in the caller's transaction, followed by {@code CommandCounterIncrement},
 * so later lookups of the same transaction see it, other transactions see it only after commit, and a rollback
 * undoes it. New relation files are created through the storage layer and removed again if the transaction
 * aborts; dropped relations lose their files at commit.
 *
 * <p>Methods that drop objects return the NOTICEs PostgreSQL would send (e.g. {@code drop cascades to view
 * v}); without {@code cascade} dependent objects raise 2BP01 with PostgreSQL's DETAIL and HINT.
 */
public interface CatalogWriter {
    // ---- schemas

    /** CREATE SCHEMA; 42P06 {@code schema "x" already exists}. Returns the OID. */
    int createNamespace(String name, int ownerOid);

    /** DROP SCHEMA; 2BP01 unless empty or {@code cascade}. */
    List<CatalogNotice> dropNamespace(int oid, boolean cascade);

    void renameNamespace(int oid, String newName);

    // ---- relations

    /** heap_create_with_catalog for a table: pg_class, pg_attribute, pg_attrdef rows and an empty heap file. */
    RelationDesc createTable(NewRelation rel);

    /**
     * A view: pg_class (relkind 'v'), pg_attribute for its output columns, its definition (SELECT text) and
     * pg_depend rows on {@code referencedRelations} so that dropping them needs CASCADE.
     */
    RelationDesc createView(NewRelation rel, String definition, List<Integer> referencedRelations);

    /** CREATE OR REPLACE VIEW: new definition and columns (existing columns must keep names and types). */
    RelationDesc replaceView(int viewOid, List<NewColumn> columns, String definition,
            List<Integer> referencedRelations);

    /**
     * A sequence: pg_class (relkind 'S') with PostgreSQL's three columns (last_value, log_cnt, is_called) and its
     * pg_sequence row. The file ({@code locator()} of the result) is created by the sequence access method
     * ({@code SequenceAm.create}), not here.
     */
    RelationDesc createSequence(NewRelation rel, SequenceDesc params);

    /** ALTER SEQUENCE's new parameters ({@code params.relationOid()} names the sequence). */
    void updateSequence(SequenceDesc params);

    /** Sequence OWNED BY table.column (serial, identity): dropped with the column or table. attnum 0 removes it. */
    void setSequenceOwner(int sequenceOid, int tableOid, int attnum);

    /** The owning (table, attnum) of a sequence, or null (pg_get_serial_sequence's reverse). */
    int[] sequenceOwner(int sequenceOid);

    /**
     * index_create: pg_class (relkind 'i'), pg_attribute for the key columns, pg_index, and the B-tree, built
     * from {@code sortedEntries} (index order, then heap TID; null for an empty index).
     */
    IndexDesc createIndex(NewIndex index, Iterator<IndexEntry> sortedEntries);

    /** DROP TABLE/VIEW/SEQUENCE/INDEX; see the class comment for dependents. */
    List<CatalogNotice> dropRelation(int oid, boolean cascade);

    /** ALTER ... RENAME TO; 42P07 if the name is taken in the schema. */
    void renameRelation(int oid, String newName);

    /**
     * TRUNCATE's storage swap (RelationSetNewRelfilenumber): the relation gets a new, empty file under a new
     * relfilenode; the old file goes when the transaction commits (the new one if it aborts). Returns the new
     * locator. Indexes are separate relations: call this for each index too, then rebuild them empty.
     */
    RelFileLocator setNewRelfilenode(int relOid);

    // ---- columns

    /** ALTER TABLE ADD COLUMN; 42701 if the name exists. Returns the new column. */
    ColumnDesc addColumn(int relOid, NewColumn column);

    /** ALTER TABLE DROP COLUMN: marks it attisdropped (renamed {@code ........pg.dropped.N........}). */
    List<CatalogNotice> dropColumn(int relOid, int attnum, boolean cascade);

    void renameColumn(int relOid, int attnum, String newName);

    /** SET DEFAULT (expression text) or DROP DEFAULT (null). */
    void setDefault(int relOid, int attnum, String defaultExpr);

    /**
     * Records that the default of column {@code attnum} uses relation {@code refRelOid} (the sequence of a
     * {@code nextval('s'::regclass)} default, serial's included), so that DROP SEQUENCE needs CASCADE, which then
     * removes the default (recordDependencyOnExpr for column defaults). Call after the default exists.
     */
    void addDefaultDependency(int relOid, int attnum, int refRelOid);

    /** SET/DROP NOT NULL (the caller checks existing rows and primary keys). */
    void setNotNull(int relOid, int attnum, boolean notNull);

    /** ALTER COLUMN TYPE: the new type and typmod (the caller rewrites the rows). */
    void setColumnType(int relOid, int attnum, int typeOid, int typmod);

    // ---- constraints

    /** Adds a pg_constraint row; 42710 {@code constraint "c" for relation "t" already exists}. Returns the OID. */
    int addConstraint(int relOid, NewConstraint constraint);

    /** Removes a constraint (and, for PRIMARY KEY/UNIQUE, its index). */
    List<CatalogNotice> dropConstraint(int constraintOid, boolean cascade);

    void renameConstraint(int constraintOid, String newName);

    // ---- naming helpers (PostgreSQL's ChooseRelationName / ChooseConstraintName)

    /**
     * {@code name1_name2_label} truncated to 63 bytes, with a number appended until no relation of the schema
     * has it (e.g. {@code t_pkey}, {@code t_id_seq}, {@code t_a_idx1}).
     */
    String chooseRelationName(String name1, String name2, String label, int namespaceOid);

    /** The same for constraint names of the schema (e.g. {@code t_a_check}, {@code t_b_fkey}). */
    String chooseConstraintName(String name1, String name2, String label, int namespaceOid);

    // ---- comments

    /** COMMENT ON (pg_description); null or empty text removes the comment. */
    void setComment(int objOid, int classOid, int objSubId, String text);

    /** COMMENT ON DATABASE/ROLE (pg_shdescription). */
    void setSharedComment(int objOid, int classOid, String text);

    // ---- roles (shared catalog)

    /** CREATE ROLE; 42710 {@code role "x" already exists}. {@code role.oid()} is ignored. Returns the OID. */
    int createRole(RoleDesc role);

    /** ALTER ROLE: replaces the row with {@code role} (same OID; the name may change). */
    void alterRole(RoleDesc role);

    /** DROP ROLE; 2BP01 if it owns objects in this database. */
    void dropRole(int oid);

    // ---- databases

    /**
     * CREATE DATABASE: copies {@code template}'s directory after a checkpoint and inserts the pg_database row;
     * 42P04 if the name exists, 55006 if other sessions are connected to the template (as reported through
     * {@link CatalogManager#sessionConnected}). Returns the new OID.
     */
    int createDatabase(String name, int ownerOid, String template);

    /**
     * DROP DATABASE: the row goes now, the directory's files when the transaction commits; 55006 {@code database
     * "x" is being accessed by other users} while other sessions are connected to it.
     */
    void dropDatabase(int oid);

    void renameDatabase(int oid, String newName);
}
