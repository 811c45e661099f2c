package dev.tusk.catalog;

import static dev.tusk.catalog.CatalogTables.*;

import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.nbtree.BTree;
import dev.tusk.access.nbtree.IndexEntry;
import dev.tusk.access.nbtree.IndexKeyDesc;
import dev.tusk.access.nbtree.IndexRelation;
import dev.tusk.access.transam.RelationStorage;
import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.ForkNumber;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.StorageEngine;
import dev.tusk.utils.adt.TypeOids;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * {@link CatalogWriter} as heap changes of catalog rows in the caller's transaction (heap.c, index.c,
 * tablecmds.c's catalog parts, dependency.c). Each public operation ends with CommandCounterIncrement.
 */
final class HeapCatalogWriter extends CatalogWriteSupport implements CatalogWriter {
    private final SharedObjectWriter shared;

    HeapCatalogWriter(CatalogStore store, int dbOid, Transaction tx) {
        super(store, dbOid, tx);
        this.shared = new SharedObjectWriter(store, dbOid, tx);
    }

    // ---- schemas

    @Override
    public int createNamespace(String name, int ownerOid) {
        lockName('n', 0, name, d -> d.namespacesByName().containsKey(name), () -> CatalogErrors.schemaExists(name));
        if (data().namespacesByName().containsKey(name)) {
            throw CatalogErrors.schemaExists(name);
        }
        changing();
        int oid = newOid();
        insert(CatalogRows.pgNamespace(oid, name, ownerOid));
        done();
        return oid;
    }

    @Override
    public List<CatalogNotice> dropNamespace(int oid, boolean cascade) {
        CatalogData d = data();
        NamespaceDesc n = d.namespaces().get(oid);
        List<Integer> owned = ownedSequences(d);
        List<RelationDesc> members = Dependencies.schemaMembers(d, oid, owned);
        List<String> lines = new ArrayList<>();
        for (RelationDesc r : members) {
            lines.add(Dependencies.describe(d, r));
        }
        if (!members.isEmpty() && !cascade) {
            List<String> detail = new ArrayList<>();
            for (String l : lines) {
                detail.add(l + " depends on schema " + n.name());
            }
            throw CatalogErrors.dependentObjects("schema " + n.name(), detail);
        }
        changing();
        for (RelationDesc r : members) {
            if (data().relations().containsKey(r.oid())) {
                dropRelationInternal(r.oid(), true);
                tx.commandCounterIncrement();
                store.markChanged(tx, dbOid);
            }
        }
        deleteWhere(PG_NAMESPACE, r -> r.getInt("oid") == oid);
        deleteWhere(PG_DESCRIPTION, r -> r.getInt("objoid") == oid && r.getInt("classoid") == 2615);
        done();
        return cascadeNotices(lines);
    }

    @Override
    public void renameNamespace(int oid, String newName) {
        lockName('n', 0, newName, d -> d.namespacesByName().containsKey(newName),
                () -> CatalogErrors.schemaExists(newName));
        if (data().namespacesByName().containsKey(newName)) {
            throw CatalogErrors.schemaExists(newName);
        }
        changing();
        CatalogRow r = row(PG_NAMESPACE, x -> x.getInt("oid") == oid).copy();
        update(r.set("nspname", newName));
        done();
    }

    // ---- relations

    private void checkNewRelationName(String name, int nspOid) {
        if (!data().namespaces().containsKey(nspOid)) {
            throw new IllegalStateException("cache lookup failed for namespace " + nspOid);
        }
        lockName('r', nspOid, name, d -> d.relationsIn(nspOid).containsKey(name),
                () -> CatalogErrors.relationExists(name));
        if (data().relationsIn(nspOid).containsKey(name)) {
            throw CatalogErrors.relationExists(name);
        }
    }

    /** pg_class + pg_attribute (+ pg_attrdef) rows of a new relation; returns nothing, the caller does storage. */
    private void insertRelationRows(int oid, NewRelation rel, char relkind, int relam, int relfilenode) {
        insert(CatalogRows.pgClass(oid, rel.name(), rel.namespaceOid(), rel.ownerOid(), relkind, relam, relfilenode, 0,
                rel.columns().size(), false, rel.persistence()));
        int attnum = 0;
        for (NewColumn c : rel.columns()) {
            attnum++;
            insertColumn(oid, attnum, c);
        }
        insert(CatalogRows.pgDepend(1259, oid, 0, 2615, rel.namespaceOid(), 0, 'n'));
    }

    private void insertColumn(int relOid, int attnum, NewColumn c) {
        insert(CatalogRows.pgAttribute(relOid, attnum, c.name(), c.typeOid(), c.typmod(), c.notNull(),
                c.defaultExpr() != null, c.identity(), c.generated(), c.collation()));
        if (c.defaultExpr() != null) {
            insertDefault(relOid, attnum, c.defaultExpr());
        }
    }

    private void insertDefault(int relOid, int attnum, String expr) {
        insert(CatalogRow.create(PG_ATTRDEF).set("oid", newOid()).set("adrelid", relOid)
                .set("adnum", (short) attnum).set("adbin", expr));
    }

    static TupleDesc storageDesc(List<NewColumn> columns) {
        List<Attribute> attrs = new ArrayList<>();
        for (NewColumn c : columns) {
            attrs.add(new Attribute(c.name(), CatalogTypes.attrType(c.typeOid()), c.notNull()));
        }
        return new TupleDesc(attrs);
    }

    @Override
    public RelationDesc createTable(NewRelation rel) {
        checkNewRelationName(rel.name(), rel.namespaceOid());
        changing();
        int oid = newRelationOid();
        insertRelationRows(oid, rel, 'r', CatalogRows.HEAP_AM, oid);
        store.heapAm().createRelation(tx, RelFileLocator.of(dbOid, oid), storageDesc(rel.columns()));
        done();
        return rel(oid);
    }

    @Override
    public RelationDesc createView(NewRelation rel, String definition, List<Integer> referencedRelations) {
        checkNewRelationName(rel.name(), rel.namespaceOid());
        changing();
        int oid = newRelationOid();
        insertRelationRows(oid, rel, 'v', 0, 0);
        insertViewRule(oid, definition, referencedRelations);
        done();
        return rel(oid);
    }

    private void insertViewRule(int oid, String definition, List<Integer> referencedRelations) {
        insert(CatalogRow.create(PG_REWRITE).set("oid", newOid()).set("rulename", "_RETURN").set("ev_class", oid)
                .setChar("ev_type", '1').setChar("ev_enabled", 'O').set("is_instead", true).set("ev_qual", "<>")
                .set("ev_action", definition));
        for (int ref : referencedRelations.stream().distinct().toList()) {
            if (ref != oid) {
                insert(CatalogRows.pgDepend(1259, oid, 0, 1259, ref, 0, 'n'));
            }
        }
    }

    @Override
    public RelationDesc replaceView(int viewOid, List<NewColumn> columns, String definition,
            List<Integer> referencedRelations) {
        RelationDesc old = rel(viewOid);
        changing();
        deleteWhere(PG_REWRITE, r -> r.getInt("ev_class") == viewOid);
        deleteWhere(PG_DEPEND, r -> r.getInt("classid") == 1259 && r.getInt("objid") == viewOid
                && r.getInt("refclassid") == 1259);
        for (int i = old.columns().size(); i < columns.size(); i++) {
            insertColumn(viewOid, i + 1, columns.get(i));
        }
        CatalogRow c = row(PG_CLASS, r -> r.getInt("oid") == viewOid).copy();
        update(c.set("relnatts", (short) Math.max(columns.size(), old.columns().size())));
        insertViewRule(viewOid, definition, referencedRelations);
        done();
        return rel(viewOid);
    }

    @Override
    public RelationDesc createSequence(NewRelation rel, SequenceDesc params) {
        checkNewRelationName(rel.name(), rel.namespaceOid());
        changing();
        int oid = newRelationOid();
        List<NewColumn> cols = List.of(new NewColumn("last_value", TypeOids.INT8, -1, true, null, '\0', '\0', 0),
                new NewColumn("log_cnt", TypeOids.INT8, -1, true, null, '\0', '\0', 0),
                new NewColumn("is_called", TypeOids.BOOL, -1, true, null, '\0', '\0', 0));
        NewRelation seq = new NewRelation(rel.name(), rel.namespaceOid(), rel.ownerOid(), rel.persistence(), cols);
        insertRelationRows(oid, seq, 'S', 0, oid);
        insert(sequenceRow(oid, params));
        done();
        return rel(oid);
    }

    private static CatalogRow sequenceRow(int oid, SequenceDesc p) {
        return CatalogRow.create(PG_SEQUENCE).set("seqrelid", oid).set("seqtypid", p.typeOid())
                .set("seqstart", p.start()).set("seqincrement", p.increment()).set("seqmax", p.max())
                .set("seqmin", p.min()).set("seqcache", p.cache()).set("seqcycle", p.cycle());
    }

    @Override
    public void updateSequence(SequenceDesc params) {
        changing();
        CatalogRow r = row(PG_SEQUENCE, x -> x.getInt("seqrelid") == params.relationOid());
        CatalogRow n = sequenceRow(params.relationOid(), params);
        update(CatalogRow.of(PG_SEQUENCE, n.values(), r.tid()));
        done();
    }

    @Override
    public void setSequenceOwner(int sequenceOid, int tableOid, int attnum) {
        changing();
        deleteWhere(PG_DEPEND, r -> r.getInt("classid") == 1259 && r.getInt("objid") == sequenceOid
                && r.getChar("deptype") == 'a' && r.getInt("refclassid") == 1259);
        if (attnum != 0) {
            insert(CatalogRows.pgDepend(1259, sequenceOid, 0, 1259, tableOid, attnum, 'a'));
        }
        done();
    }

    @Override
    public int[] sequenceOwner(int sequenceOid) {
        for (CatalogData.DependRow r : data().depends()) {
            if (r.classId() == 1259 && r.objId() == sequenceOid && r.deptype() == 'a' && r.refClassId() == 1259) {
                return new int[] {r.refObjId(), r.refObjSubId()};
            }
        }
        return null;
    }

    @Override
    public IndexDesc createIndex(NewIndex index, Iterator<IndexEntry> sortedEntries) {
        RelationDesc table = rel(index.relationOid());
        checkNewRelationName(index.name(), table.namespaceOid());
        changing();
        int oid = newRelationOid();
        List<NewColumn> cols = new ArrayList<>();
        List<Attribute> attrs = new ArrayList<>();
        List<Integer> options = new ArrayList<>();
        List<Integer> collations = new ArrayList<>();
        for (int i = 0; i < index.keyAttnums().size(); i++) {
            ColumnDesc c = table.column(index.keyAttnums().get(i));
            cols.add(new NewColumn(c.name(), c.typeOid(), c.typmod(), false, null, '\0', '\0', c.collation()));
            attrs.add(new Attribute(c.name(), CatalogTypes.attrType(c.typeOid()), false));
            IndexKeyDesc.ColumnOrder o = index.orders().get(i);
            options.add((o.descending() ? CatalogLoader.INDOPTION_DESC : 0)
                    | (o.nullsFirst() ? CatalogLoader.INDOPTION_NULLS_FIRST : 0));
            collations.add(c.collation());
        }
        insert(CatalogRows.pgClass(oid, index.name(), table.namespaceOid(), table.ownerOid(), 'i',
                CatalogRows.BTREE_AM, oid, 0, cols.size(), false, table.persistence()));
        for (int i = 0; i < cols.size(); i++) {
            NewColumn c = cols.get(i);
            insert(CatalogRows.pgAttribute(oid, i + 1, c.name(), c.typeOid(), c.typmod(), false, false, '\0', '\0',
                    c.collation()));
            insert(CatalogRows.pgDepend(1259, oid, 0, 1259, table.oid(), index.keyAttnums().get(i), 'a'));
        }
        insert(CatalogRow.create(PG_INDEX).set("indexrelid", oid).set("indrelid", table.oid())
                .set("indnatts", (short) cols.size()).set("indnkeyatts", (short) cols.size())
                .set("indisunique", index.unique()).set("indnullsnotdistinct", index.nullsNotDistinct())
                .set("indisprimary", index.primary()).set("indimmediate", true).set("indisvalid", true)
                .set("indisready", true).set("indislive", true)
                .setInts("indkey", TypeOids.INT2, index.keyAttnums())
                .setInts("indcollation", TypeOids.OID, collations)
                .setInts("indclass", TypeOids.OID, Collections.nCopies(cols.size(), 0))
                .setInts("indoption", TypeOids.INT2, options));
        CatalogRow tc = row(PG_CLASS, r -> r.getInt("oid") == table.oid()).copy();
        if (!tc.getBool("relhasindex")) {
            update(tc.set("relhasindex", true));
        }
        RelFileLocator loc = RelFileLocator.of(dbOid, oid);
        IndexKeyDesc keys = new IndexKeyDesc(new TupleDesc(attrs), index.orders());
        long[] built = {0};
        Iterator<IndexEntry> counting = sortedEntries == null ? null : new Iterator<>() {
            @Override
            public boolean hasNext() {
                return sortedEntries.hasNext();
            }

            @Override
            public IndexEntry next() {
                built[0]++;
                return sortedEntries.next();
            }
        };
        buildIndex(new IndexRelation(index.name(), loc, keys, index.unique()), counting);
        step();
        updateIndexStats(oid, loc, table, built[0]);
        done();
        return data().indexes().get(oid);
    }

    /**
     * index_update_stats after index_build: the index's relpages/reltuples, and the table's, except that an empty
     * table never analyzed keeps reltuples -1 (so CREATE TABLE's own indexes do not make it look vacuumed).
     */
    private void updateIndexStats(int indexOid, RelFileLocator indexLoc, RelationDesc table, long tuples) {
        StorageEngine e = engine();
        CatalogRow ic = row(PG_CLASS, x -> x.getInt("oid") == indexOid).copy();
        update(ic.set("relpages", (int) e.buffers().nblocks(indexLoc, ForkNumber.MAIN)).set("reltuples",
                (float) tuples));
        CatalogRow tc = row(PG_CLASS, x -> x.getInt("oid") == table.oid()).copy();
        int pages = table.locator() == null ? 0 : (int) e.buffers().nblocks(table.locator(), ForkNumber.MAIN);
        Object old = tc.get("reltuples");
        float oldTuples = old == null ? -1f : ((Number) old).floatValue();
        float newTuples = tuples == 0 && oldTuples < 0 ? -1f : (float) tuples;
        if (pages != tc.getInt("relpages") || newTuples != oldTuples) {
            update(tc.set("relpages", pages).set("reltuples", newTuples));
        }
    }

    private void buildIndex(IndexRelation ir, Iterator<IndexEntry> sortedEntries) {
        StorageEngine e = engine();
        RelationStorage.create(tx, e.wal(), e.smgr(), ir.locator(), ForkNumber.MAIN);
        BTree.build(e.buffers(), e.smgr(), e.wal(), ir,
                sortedEntries == null ? Collections.emptyIterator() : sortedEntries);
    }

    @Override
    public List<CatalogNotice> dropRelation(int oid, boolean cascade) {
        CatalogData d = data();
        RelationDesc r = rel(oid);
        if (r.relkind() == 'i') {
            for (ConstraintDesc c : d.constraints().values()) {
                if (c.indexOid() == oid && (c.contype() == 'p' || c.contype() == 'u')) {
                    RelationDesc on = d.relations().get(c.relationOid());
                    String con = "constraint " + c.name() + " on " + Dependencies.describe(d, on);
                    throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.Severity.ERROR,
                            dev.tusk.utils.error.SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop index "
                            + r.name() + " because " + con + " requires it", null, "You can drop " + con
                            + " instead.", 0, null);
                }
            }
        }
        List<Catalog.Dependent> deps = cascadeOf(d, r);
        String self = Dependencies.describe(d, r);
        if (!deps.isEmpty() && !cascade) {
            List<String> lines = new ArrayList<>();
            for (Catalog.Dependent dep : Dependencies.dependents(d, oid)) {
                lines.add(dep.description() + " depends on " + self);
            }
            throw CatalogErrors.dependentObjects(self, lines);
        }
        changing();
        List<String> lines = new ArrayList<>();
        for (Catalog.Dependent dep : deps) {
            lines.add(dep.description());
            dropDependent(dep);
        }
        dropRelationInternal(oid, true);
        done();
        return cascadeNotices(lines);
    }

    private List<Catalog.Dependent> cascadeOf(CatalogData d, RelationDesc r) {
        return Dependencies.cascade(d, r.oid());
    }

    private void dropDependent(Catalog.Dependent dep) {
        if (dep.classOid() == Dependencies.PG_CONSTRAINT) {
            dropConstraintRows(dep.objOid());
        } else if (dep.classOid() == Dependencies.PG_ATTRDEF) {
            CatalogData.AttrDef def = data().attrdefs().get(dep.objOid());
            if (def != null) {
                deleteDefaults(def.relationOid(), def.attnum());
                update(attributeRow(def.relationOid(), def.attnum()).set("atthasdef", false));
            }
        } else if (data().relations().containsKey(dep.objOid())) {
            dropRelationInternal(dep.objOid(), true);
        }
        tx.commandCounterIncrement();
        store.markChanged(tx, dbOid);
    }

    /** Sequences owned by a column (serial/identity), which go with their table silently. */
    private static List<Integer> ownedSequences(CatalogData d) {
        List<Integer> out = new ArrayList<>();
        for (CatalogData.DependRow r : d.depends()) {
            if (r.classId() == 1259 && r.deptype() == 'a' && r.refClassId() == 1259) {
                RelationDesc s = d.relations().get(r.objId());
                if (s != null && s.relkind() == 'S') {
                    out.add(r.objId());
                }
            }
        }
        return out;
    }

    /** heap_drop_with_catalog / index_drop: every row describing the relation, its storage at commit. */
    private void dropRelationInternal(int oid, boolean withOwned) {
        CatalogData d = data();
        RelationDesc r = d.relations().get(oid);
        if (r == null) {
            return;
        }
        if (r.relkind() == 'r') {
            for (IndexDesc i : r.indexes()) {
                dropRelationInternal(i.oid(), false);
            }
            for (ConstraintDesc c : r.constraints()) {
                deleteWhere(PG_CONSTRAINT, x -> x.getInt("oid") == c.oid());
                deleteWhere(PG_TRIGGER, x -> x.getInt("tgconstraint") == c.oid());
            }
            deleteWhere(PG_TRIGGER, x -> x.getInt("tgrelid") == oid);
            if (withOwned) {
                for (CatalogData.DependRow dep : d.depends()) {
                    if (dep.classId() == 1259 && dep.deptype() == 'a' && dep.refClassId() == 1259
                            && dep.refObjId() == oid) {
                        RelationDesc s = d.relations().get(dep.objId());
                        if (s != null && s.relkind() == 'S') {
                            dropRelationInternal(s.oid(), false);
                        }
                    }
                }
            }
        }
        deleteWhere(PG_CLASS, x -> x.getInt("oid") == oid);
        deleteWhere(PG_ATTRIBUTE, x -> x.getInt("attrelid") == oid);
        deleteDefaults(oid, 0);
        deleteWhere(PG_INDEX, x -> x.getInt("indexrelid") == oid);
        deleteWhere(PG_REWRITE, x -> x.getInt("ev_class") == oid);
        deleteWhere(PG_SEQUENCE, x -> x.getInt("seqrelid") == oid);
        deleteWhere(PG_DESCRIPTION, x -> x.getInt("objoid") == oid && x.getInt("classoid") == 1259);
        deleteWhere(PG_DEPEND, x -> (x.getInt("classid") == 1259 && x.getInt("objid") == oid)
                || (x.getInt("refclassid") == 1259 && x.getInt("refobjid") == oid));
        if (r.locator() != null && r.locator().relNumber() != 0) {
            RelationStorage.drop(tx, r.locator());
        }
    }

    @Override
    public void renameRelation(int oid, String newName) {
        RelationDesc r = rel(oid);
        lockName('r', r.namespaceOid(), newName, d -> d.relationsIn(r.namespaceOid()).containsKey(newName),
                () -> CatalogErrors.relationExists(newName));
        if (data().relationsIn(r.namespaceOid()).containsKey(newName)) {
            throw CatalogErrors.relationExists(newName);
        }
        changing();
        CatalogRow c = row(PG_CLASS, x -> x.getInt("oid") == oid).copy();
        update(c.set("relname", newName));
        done();
    }

    @Override
    public RelFileLocator setNewRelfilenode(int relOid) {
        RelationDesc r = rel(relOid);
        changing();
        int node = newRelationOid();
        RelFileLocator loc = RelFileLocator.of(dbOid, node);
        CatalogRow c = row(PG_CLASS, x -> x.getInt("oid") == relOid).copy();
        update(c.set("relfilenode", node));
        if (r.relkind() == 'i') {
            IndexDesc i = data().indexes().get(relOid);
            buildIndex(new IndexRelation(r.name(), loc, i.keyDesc(), i.unique()), null);
        } else {
            store.heapAm().createRelation(tx, loc, r.storageDesc());
        }
        RelationStorage.drop(tx, r.locator());
        done();
        return loc;
    }

    // ---- columns

    private CatalogRow attributeRow(int relOid, int attnum) {
        return row(PG_ATTRIBUTE, x -> x.getInt("attrelid") == relOid && x.getInt("attnum") == attnum).copy();
    }

    @Override
    public ColumnDesc addColumn(int relOid, NewColumn column) {
        RelationDesc r = rel(relOid);
        if (r.column(column.name()) != null) {
            throw CatalogErrors.columnExists(column.name(), r.name());
        }
        changing();
        int attnum = r.columns().size() + 1;
        insertColumn(relOid, attnum, column);
        CatalogRow c = row(PG_CLASS, x -> x.getInt("oid") == relOid).copy();
        update(c.set("relnatts", (short) attnum));
        done();
        return rel(relOid).column(attnum);
    }

    @Override
    public List<CatalogNotice> dropColumn(int relOid, int attnum, boolean cascade) {
        CatalogData d = data();
        RelationDesc r = rel(relOid);
        String self = "column " + r.column(attnum).name() + " of " + Dependencies.describe(d, r);
        List<ConstraintDesc> foreign = new ArrayList<>();
        for (ConstraintDesc c : d.constraints().values()) {
            if (c.isForeignKey() && c.refRelationOid() == relOid && c.relationOid() != relOid
                    && c.refAttnums().contains(attnum)) {
                foreign.add(c);
            }
        }
        List<String> lines = new ArrayList<>();
        for (ConstraintDesc c : foreign) {
            lines.add("constraint " + c.name() + " on " + Dependencies.describe(d, d.relations().get(c.relationOid())));
        }
        if (!foreign.isEmpty() && !cascade) {
            List<String> detail = new ArrayList<>();
            for (String l : lines) {
                detail.add(l + " depends on " + self);
            }
            throw CatalogErrors.dependentObjects(self, detail);
        }
        changing();
        for (ConstraintDesc c : foreign) {
            dropConstraintRows(c.oid());
        }
        for (ConstraintDesc c : r.constraints()) {
            if (c.keyAttnums().contains(attnum)) {
                dropConstraintRows(c.oid());
            }
        }
        step();
        for (IndexDesc i : r.indexes()) {
            if (i.keyAttnums().contains(attnum) && data().relations().containsKey(i.oid())) {
                dropRelationInternal(i.oid(), false);
            }
        }
        for (CatalogData.DependRow dep : data().depends()) {
            if (dep.classId() == 1259 && dep.deptype() == 'a' && dep.refObjId() == relOid
                    && dep.refObjSubId() == attnum) {
                RelationDesc s = data().relations().get(dep.objId());
                if (s != null && s.relkind() == 'S') {
                    dropRelationInternal(s.oid(), false);
                }
            }
        }
        step();
        CatalogRow a = attributeRow(relOid, attnum);
        update(a.set("attname", "........pg.dropped." + attnum + "........").set("attisdropped", true)
                .set("attnotnull", false).set("atthasdef", false).set("attidentity", "").set("attgenerated", ""));
        deleteDefaults(relOid, attnum);
        done();
        return cascadeNotices(lines);
    }

    @Override
    public void renameColumn(int relOid, int attnum, String newName) {
        RelationDesc r = rel(relOid);
        if (r.column(newName) != null) {
            throw CatalogErrors.columnExists(newName, r.name());
        }
        changing();
        update(attributeRow(relOid, attnum).set("attname", newName));
        done();
    }

    @Override
    public void setDefault(int relOid, int attnum, String defaultExpr) {
        changing();
        deleteDefaults(relOid, attnum);
        if (defaultExpr != null) {
            insertDefault(relOid, attnum, defaultExpr);
        }
        update(attributeRow(relOid, attnum).set("atthasdef", defaultExpr != null));
        done();
    }

    @Override
    public void addDefaultDependency(int relOid, int attnum, int refRelOid) {
        CatalogRow def = row(PG_ATTRDEF, x -> x.getInt("adrelid") == relOid && x.getInt("adnum") == attnum);
        changing();
        insert(CatalogRows.pgDepend(Dependencies.PG_ATTRDEF, def.getInt("oid"), 0, 1259, refRelOid, 0, 'n'));
        done();
    }

    /** Deletes column defaults (all of {@code relOid}'s when {@code attnum} is 0) with their pg_depend rows. */
    private void deleteDefaults(int relOid, int attnum) {
        CatalogHeap h = heaps.get(PG_ATTRDEF);
        for (CatalogRow r : h.scan(snap(), x -> x.getInt("adrelid") == relOid
                && (attnum == 0 || x.getInt("adnum") == attnum))) {
            int oid = r.getInt("oid");
            deleteWhere(PG_DEPEND, x -> x.getInt("classid") == Dependencies.PG_ATTRDEF && x.getInt("objid") == oid);
            h.delete(tx, r);
        }
    }

    @Override
    public void setNotNull(int relOid, int attnum, boolean notNull) {
        changing();
        update(attributeRow(relOid, attnum).set("attnotnull", notNull));
        done();
    }

    @Override
    public void setColumnType(int relOid, int attnum, int typeOid, int typmod) {
        changing();
        CatalogRow a = attributeRow(relOid, attnum);
        CatalogRow fresh = CatalogRows.pgAttribute(relOid, attnum, a.getString("attname"), typeOid, typmod,
                a.getBool("attnotnull"), a.getBool("atthasdef"), a.getChar("attidentity"), a.getChar("attgenerated"),
                -1);
        update(CatalogRow.of(PG_ATTRIBUTE, fresh.values(), a.tid()));
        done();
    }

    // ---- constraints

    @Override
    public int addConstraint(int relOid, NewConstraint c) {
        RelationDesc r = rel(relOid);
        for (ConstraintDesc existing : r.constraints()) {
            if (existing.name().equals(c.name())) {
                throw CatalogErrors.constraintExists(c.name(), r.name());
            }
        }
        changing();
        int oid = newOid();
        boolean fk = c.contype() == 'f';
        insert(CatalogRow.create(PG_CONSTRAINT).set("oid", oid).set("conname", c.name())
                .set("connamespace", r.namespaceOid()).setChar("contype", c.contype())
                .set("condeferrable", c.deferrable()).set("condeferred", c.deferred()).set("convalidated", true)
                .set("conrelid", relOid).set("conindid", c.indexOid()).set("confrelid", c.refRelationOid())
                .setChar("confupdtype", fk ? c.updateAction() : ' ').setChar("confdeltype", fk ? c.deleteAction()
                        : ' ').setChar("confmatchtype", fk ? c.matchType() : ' ').set("conislocal", true)
                .set("connoinherit", false).setInts("conkey", TypeOids.INT2, c.keyAttnums())
                .set("confkey", fk ? CatalogTypes.vector(TypeOids.INT2, c.refAttnums()) : null)
                .set("conbin", c.checkExpr()));
        if (c.contype() == 'c') {
            CatalogRow cls = row(PG_CLASS, x -> x.getInt("oid") == relOid).copy();
            update(cls.set("relchecks", (short) (cls.getInt("relchecks") + 1)));
        }
        if (c.indexOid() != 0 && !fk) {
            insert(CatalogRows.pgDepend(1259, c.indexOid(), 0, 2606, oid, 0, 'i'));
        }
        if (fk) {
            insertForeignKeyTriggers(oid, relOid, c);
        }
        done();
        return oid;
    }

    @Override
    public List<CatalogNotice> dropConstraint(int constraintOid, boolean cascade) {
        CatalogData d = data();
        ConstraintDesc c = d.constraints().get(constraintOid);
        List<String> lines = new ArrayList<>();
        if (c.contype() == 'p' || c.contype() == 'u') {
            List<ConstraintDesc> fks = new ArrayList<>();
            for (ConstraintDesc o : d.constraints().values()) {
                if (o.isForeignKey() && o.indexOid() == c.indexOid() && o.oid() != c.oid()) {
                    fks.add(o);
                }
            }
            RelationDesc on = d.relations().get(c.relationOid());
            RelationDesc idx = d.relations().get(c.indexOid());
            if (!fks.isEmpty() && !cascade) {
                List<String> detail = new ArrayList<>();
                for (ConstraintDesc fk : fks) {
                    detail.add("constraint " + fk.name() + " on " + Dependencies.describe(d,
                            d.relations().get(fk.relationOid())) + " depends on index " + (idx == null ? "?"
                            : idx.name()));
                }
                throw CatalogErrors.dependentObjects("constraint " + c.name() + " on " + Dependencies.describe(d, on),
                        detail);
            }
            changing();
            for (ConstraintDesc fk : fks) {
                lines.add("constraint " + fk.name() + " on " + Dependencies.describe(d,
                        d.relations().get(fk.relationOid())));
                dropConstraintRows(fk.oid());
            }
        }
        changing();
        dropConstraintRows(constraintOid);
        done();
        return cascadeNotices(lines);
    }

    /** Deletes a constraint row (fixing relchecks) and the index it owns. */
    /**
     * createForeignKeyActionTriggers + createForeignKeyCheckTriggers: PostgreSQL enforces a foreign key with four
     * internal (tgisinternal) row triggers, AFTER DELETE and AFTER UPDATE on the referenced table and AFTER
     * INSERT and AFTER UPDATE on the referencing one, and marks both tables relhastriggers. Tusk enforces foreign
     * keys in executor.modify; these rows only make the catalogs read as PostgreSQL's do (psql hides internal
     * triggers).
     */
    private void insertForeignKeyTriggers(int constraintOid, int relOid, NewConstraint c) {
        int refOid = c.refRelationOid();
        insertRiTrigger("a", refOid, relOid, constraintOid, c, riActionFunction(c.deleteAction(), true), 1 | 8);
        insertRiTrigger("a", refOid, relOid, constraintOid, c, riActionFunction(c.updateAction(), false), 1 | 16);
        insertRiTrigger("c", relOid, refOid, constraintOid, c, 1644, 1 | 4);
        insertRiTrigger("c", relOid, refOid, constraintOid, c, 1645, 1 | 16);
        for (int rel : new int[] {relOid, refOid}) {
            CatalogRow cls = row(PG_CLASS, x -> x.getInt("oid") == rel).copy();
            if (!cls.getBool("relhastriggers")) {
                update(cls.set("relhastriggers", true));
            }
        }
    }

    private void insertRiTrigger(String kind, int onRel, int otherRel, int constraintOid, NewConstraint c,
            int functionOid, int tgtype) {
        int oid = newOid();
        insert(CatalogRow.create(PG_TRIGGER).set("oid", oid).set("tgrelid", onRel).set("tgparentid", 0)
                .set("tgname", "RI_ConstraintTrigger_" + kind + "_" + Integer.toUnsignedString(oid))
                .set("tgfoid", functionOid).set("tgtype", (short) tgtype).setChar("tgenabled", 'O')
                .set("tgisinternal", true).set("tgconstrrelid", otherRel).set("tgconstrindid", c.indexOid())
                .set("tgconstraint", constraintOid).set("tgdeferrable", c.deferrable())
                .set("tginitdeferred", c.deferred()).set("tgnargs", (short) 0)
                .setInts("tgattr", TypeOids.INT2, List.of()).set("tgargs", new byte[0]));
    }

    /** The RI_FKey_*_del / RI_FKey_*_upd function (pg_proc OID) for a foreign key action. */
    private static int riActionFunction(char action, boolean delete) {
        int base = switch (action) {
            case 'c' -> 1646;
            case 'r' -> 1648;
            case 'n' -> 1650;
            case 'd' -> 1652;
            default -> 1654;
        };
        return delete ? base : base + 1;
    }

    private void dropConstraintRows(int constraintOid) {
        ConstraintDesc c = data().constraints().get(constraintOid);
        if (c == null) {
            return;
        }
        deleteWhere(PG_CONSTRAINT, x -> x.getInt("oid") == constraintOid);
        deleteWhere(PG_TRIGGER, x -> x.getInt("tgconstraint") == constraintOid);
        deleteWhere(PG_DESCRIPTION, x -> x.getInt("objoid") == constraintOid && x.getInt("classoid") == 2606);
        if (c.contype() == 'c') {
            CatalogRow cls = row(PG_CLASS, x -> x.getInt("oid") == c.relationOid()).copy();
            update(cls.set("relchecks", (short) Math.max(0, cls.getInt("relchecks") - 1)));
        }
        if ((c.contype() == 'p' || c.contype() == 'u') && c.indexOid() != 0) {
            dropRelationInternal(c.indexOid(), false);
        }
    }

    @Override
    public void renameConstraint(int constraintOid, String newName) {
        changing();
        CatalogRow r = row(PG_CONSTRAINT, x -> x.getInt("oid") == constraintOid).copy();
        update(r.set("conname", newName));
        done();
    }

    // ---- names

    @Override
    public String chooseRelationName(String name1, String name2, String label, int namespaceOid) {
        return ObjectNames.choose(name1, name2, label, n -> data().relationsIn(namespaceOid).containsKey(n));
    }

    @Override
    public String chooseConstraintName(String name1, String name2, String label, int namespaceOid) {
        return ObjectNames.choose(name1, name2, label, n -> {
            for (ConstraintDesc c : data().constraints().values()) {
                if (c.namespaceOid() == namespaceOid && c.name().equals(n)) {
                    return true;
                }
            }
            return false;
        });
    }

    // ---- comments, roles, databases

    @Override
    public void setComment(int objOid, int classOid, int objSubId, String text) {
        shared.setComment(objOid, classOid, objSubId, text);
    }

    @Override
    public void setSharedComment(int objOid, int classOid, String text) {
        shared.setSharedComment(objOid, classOid, text);
    }

    @Override
    public int createRole(RoleDesc role) {
        return shared.createRole(role);
    }

    @Override
    public void alterRole(RoleDesc role) {
        shared.alterRole(role);
    }

    @Override
    public void dropRole(int oid) {
        shared.dropRole(oid);
    }

    @Override
    public int createDatabase(String name, int ownerOid, String template) {
        return shared.createDatabase(name, ownerOid, template);
    }

    @Override
    public void dropDatabase(int oid) {
        shared.dropDatabase(oid);
    }

    @Override
    public void renameDatabase(int oid, String newName) {
        shared.renameDatabase(oid, newName);
    }
}
