package dev.tusk.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The catalog contents of one database as one snapshot saw them, indexed for lookups (PostgreSQL's syscache
 * and relcache in one immutable object). Built by {@link CatalogLoader}; shared by every reader of the same
 * catalog version.
 */
record CatalogData(Map<Integer, RelationDesc> relations, Map<Integer, Map<String, RelationDesc>> relationsByNamespace,
        Map<Integer, NamespaceDesc> namespaces, Map<String, NamespaceDesc> namespacesByName,
        Map<Integer, RoleDesc> roles, Map<String, RoleDesc> rolesByName, Map<Integer, DatabaseDesc> databases,
        Map<String, DatabaseDesc> databasesByName, Map<Integer, SequenceDesc> sequences,
        Map<Integer, ConstraintDesc> constraints, Map<Integer, IndexDesc> indexes, Map<String, String> descriptions,
        Map<String, String> sharedDescriptions, List<DependRow> depends, Map<Integer, AttrDef> attrdefs,
        Map<Integer, TriggerDesc> triggers) {

    /** One pg_attrdef row's identity: which column's default it is. */
    record AttrDef(int oid, int relationOid, int attnum) {
    }

    /**
     * One pg_depend row: {@code (classId, objId, objSubId)} depends on {@code (refClassId, refObjId, refObjSubId)}
     * with {@code deptype} 'n' normal, 'a' auto, 'i' internal.
     */
    record DependRow(int classId, int objId, int objSubId, int refClassId, int refObjId, int refObjSubId,
            char deptype) {
    }

    static String descriptionKey(int objOid, int classOid, int objSubId) {
        return objOid + "/" + classOid + "/" + objSubId;
    }

    Map<String, RelationDesc> relationsIn(int namespaceOid) {
        return relationsByNamespace.getOrDefault(namespaceOid, Collections.emptyMap());
    }
}
