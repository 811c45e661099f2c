package dev.tusk.access.nbtree;

import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;

/** The B-tree's error messages, in PostgreSQL's wording (nbtinsert.c, nbtpage.c, nbtsort.c, amcheck). */
public final class BTreeErrors {
    private BTreeErrors() {
    }

    /** _bt_check_unique's ereport. */
    public static TuskException uniqueViolation(IndexRelation rel, Object[] values) {
        return new TuskException(SqlState.UNIQUE_VIOLATION,
                "duplicate key value violates unique constraint \"" + rel.name() + "\"")
                .withDetail("Key " + rel.keys().describe(values) + " already exists.");
    }

    /** comparetup_index_btree's ereport during a unique build. */
    public static TuskException duplicateInBuild(IndexRelation rel, Object[] values) {
        return new TuskException(SqlState.UNIQUE_VIOLATION, "could not create unique index \"" + rel.name() + "\"")
                .withDetail("Key " + rel.keys().describe(values) + " is duplicated.");
    }

    /** _bt_check_third_page. */
    public static TuskException rowTooBig(IndexRelation rel, int size, int max) {
        return new TuskException(SqlState.PROGRAM_LIMIT_EXCEEDED, "index row size " + size
                + " exceeds btree version " + BTMetaPage.BTREE_VERSION + " maximum " + max + " for index \""
                + rel.name() + "\"");
    }

    public static TuskException notBtree(String indexName) {
        return new TuskException(SqlState.INDEX_CORRUPTED, "index \"" + indexName + "\" is not a btree");
    }

    public static TuskException versionMismatch(String indexName, int version) {
        return new TuskException(SqlState.INDEX_CORRUPTED, "version mismatch in index \"" + indexName
                + "\": file version " + version + ", current version " + BTMetaPage.BTREE_VERSION
                + ", minimal supported version " + BTMetaPage.BTREE_VERSION);
    }

    /** _bt_insert_parent's elog. */
    public static TuskException parentNotFound(IndexRelation rel, long left, long right) {
        return new TuskException(SqlState.INTERNAL_ERROR, "failed to re-find parent key in index \""
                + rel.name() + "\" for split pages " + left + "/" + right);
    }

    /** _bt_split's elog when the chosen split leaves a half that does not fit. */
    public static TuskException splitFailed(IndexRelation rel, long blk) {
        return new TuskException(SqlState.INTERNAL_ERROR, "failed to add item to the page in index \""
                + rel.name() + "\" (block " + blk + ")");
    }

    /** _bt_walk_left's elog. */
    public static TuskException leftLinkBroken(IndexRelation rel, long blk) {
        return new TuskException(SqlState.INDEX_CORRUPTED, "could not find left sibling of block " + blk
                + " in index \"" + rel.name() + "\"");
    }

    /** amcheck's summary when {@link BTreeChecker#checkOrThrow} finds problems. */
    public static TuskException checkFailed(IndexRelation rel, String firstProblem, int count) {
        return new TuskException(SqlState.INDEX_CORRUPTED, "index \"" + rel.name() + "\" is corrupt: "
                + firstProblem + (count > 1 ? " (and " + (count - 1) + " more problems)" : ""));
    }
}
