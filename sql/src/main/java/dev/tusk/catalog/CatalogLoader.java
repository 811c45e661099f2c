package dev.tusk.catalog;

import static dev.tusk.catalog.CatalogTables.*;

import dev.tusk.access.common.Attribute;
import dev.tusk.access.common.TupleDesc;
import dev.tusk.access.nbtree.IndexKeyDesc;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.utils.time.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one database's catalogs through a snapshot into a {@link CatalogData} (RelationBuildDesc and the
 * syscache fills, done for every object at once: the catalogs are small and a full load is a few page reads).
 */
final class CatalogLoader {
    /** INDOPTION_DESC. */
    static final int INDOPTION_DESC = 1;
    /** INDOPTION_NULLS_FIRST. */
    static final int INDOPTION_NULLS_FIRST = 2;

    private CatalogLoader() {
    }

    static CatalogData load(CatalogHeaps heaps, Snapshot snap) {
        int dbOid = heaps.dbOid();
        Map<Integer, NamespaceDesc> nsps = new TreeMap<>();
        Map<String, NamespaceDesc> nspNames = new HashMap<>();
        for (CatalogRow r : heaps.get(PG_NAMESPACE).scan(snap)) {
            NamespaceDesc n = new NamespaceDesc(r.getInt("oid"), r.getString("nspname"), r.getInt("nspowner"));
            nsps.put(n.oid(), n);
            nspNames.put(n.name(), n);
        }
        Map<Long, String> defaults = new HashMap<>();
        Map<Integer, CatalogData.AttrDef> attrdefs = new HashMap<>();
        for (CatalogRow r : heaps.get(PG_ATTRDEF).scan(snap)) {
            defaults.put(key(r.getInt("adrelid"), r.getInt("adnum")), r.getString("adbin"));
            attrdefs.put(r.getInt("oid"), new CatalogData.AttrDef(r.getInt("oid"), r.getInt("adrelid"),
                    r.getInt("adnum")));
        }
        Map<Integer, List<ColumnDesc>> columns = new HashMap<>();
        for (CatalogRow r : heaps.get(PG_ATTRIBUTE).scan(snap)) {
            int attnum = r.getInt("attnum");
            if (attnum <= 0) {
                continue;
            }
            int rel = r.getInt("attrelid");
            columns.computeIfAbsent(rel, k -> new ArrayList<>()).add(new ColumnDesc(attnum, r.getString("attname"),
                    r.getInt("atttypid"), r.getInt("atttypmod"), r.getBool("attnotnull"),
                    r.getBool("atthasdef") ? defaults.get(key(rel, attnum)) : null, r.getChar("attidentity"),
                    r.getChar("attgenerated"), r.getBool("attisdropped"), r.getInt("attcollation")));
        }
        columns.values().forEach(l -> l.sort(Comparator.comparingInt(ColumnDesc::attnum)));

        List<CatalogRow> classRows = heaps.get(PG_CLASS).scan(snap);
        Map<Integer, CatalogRow> classById = new HashMap<>();
        for (CatalogRow r : classRows) {
            classById.put(r.getInt("oid"), r);
        }
        Map<Integer, List<IndexDesc>> indexesByRel = new HashMap<>();
        Map<Integer, IndexDesc> indexes = new HashMap<>();
        for (CatalogRow r : heaps.get(PG_INDEX).scan(snap)) {
            int idx = r.getInt("indexrelid");
            int rel = r.getInt("indrelid");
            CatalogRow ic = classById.get(idx);
            if (ic == null) {
                continue;
            }
            List<Integer> keys = r.getInts("indkey");
            List<Integer> opts = r.getInts("indoption");
            List<IndexKeyDesc.ColumnOrder> orders = new ArrayList<>();
            List<Attribute> attrs = new ArrayList<>();
            List<ColumnDesc> relCols = columns.getOrDefault(rel, List.of());
            for (int i = 0; i < keys.size(); i++) {
                int o = i < opts.size() ? opts.get(i) : 0;
                orders.add(new IndexKeyDesc.ColumnOrder((o & INDOPTION_DESC) != 0, (o & INDOPTION_NULLS_FIRST) != 0));
                ColumnDesc c = relCols.get(keys.get(i) - 1);
                attrs.add(new Attribute(c.name(), CatalogTypes.attrType(c.typeOid()), false));
            }
            IndexDesc d = new IndexDesc(idx, ic.getString("relname"), rel, keys, orders, r.getBool("indisunique"),
                    r.getBool("indisprimary"), r.getBool("indnullsnotdistinct"), locatorOf(ic, dbOid),
                    new IndexKeyDesc(new TupleDesc(attrs), orders));
            indexes.put(idx, d);
            indexesByRel.computeIfAbsent(rel, k -> new ArrayList<>()).add(d);
        }
        indexesByRel.values().forEach(l -> l.sort(Comparator.comparing(IndexDesc::name)));

        Map<Integer, ConstraintDesc> constraints = new HashMap<>();
        Map<Integer, List<ConstraintDesc>> consByRel = new HashMap<>();
        for (CatalogRow r : heaps.get(PG_CONSTRAINT).scan(snap)) {
            ConstraintDesc c = new ConstraintDesc(r.getInt("oid"), r.getString("conname"), r.getInt("connamespace"),
                    r.getChar("contype"), r.getInt("conrelid"), r.getInts("conkey"), r.getString("conbin"),
                    r.getInt("conindid"), r.getInt("confrelid"), r.getInts("confkey"), r.getChar("confupdtype"),
                    r.getChar("confdeltype"), r.getChar("confmatchtype"), r.getBool("condeferrable"),
                    r.getBool("condeferred"), r.getBool("convalidated"));
            constraints.put(c.oid(), c);
            consByRel.computeIfAbsent(c.relationOid(), k -> new ArrayList<>()).add(c);
        }
        consByRel.values().forEach(l -> l.sort(Comparator.comparing(ConstraintDesc::name)));

        Map<Integer, String> viewDefs = new HashMap<>();
        for (CatalogRow r : heaps.get(PG_REWRITE).scan(snap)) {
            viewDefs.put(r.getInt("ev_class"), r.getString("ev_action"));
        }
        Map<Integer, SequenceDesc> sequences = new HashMap<>();
        for (CatalogRow r : heaps.get(PG_SEQUENCE).scan(snap)) {
            SequenceDesc s = new SequenceDesc(r.getInt("seqrelid"), r.getInt("seqtypid"), r.getLong("seqstart"),
                    r.getLong("seqincrement"), r.getLong("seqmax"), r.getLong("seqmin"), r.getLong("seqcache"),
                    r.getBool("seqcycle"));
            sequences.put(s.relationOid(), s);
        }

        Map<Integer, RelationDesc> rels = new TreeMap<>(Integer::compareUnsigned);
        Map<Integer, Map<String, RelationDesc>> byNsp = new HashMap<>();
        for (CatalogRow r : classRows) {
            int oid = r.getInt("oid");
            List<ColumnDesc> cols = columns.getOrDefault(oid, List.of());
            List<Attribute> attrs = new ArrayList<>(cols.size());
            for (ColumnDesc c : cols) {
                attrs.add(new Attribute(c.name(), CatalogTypes.attrType(c.typeOid()), c.notNull() && !c.dropped()));
            }
            char kind = r.getChar("relkind");
            int nsp = r.getInt("relnamespace");
            NamespaceDesc ns = nsps.get(nsp);
            RelationDesc d = new RelationDesc(oid, r.getString("relname"), nsp, ns == null ? null : ns.name(), kind,
                    r.getChar("relpersistence"), r.getInt("relowner"),
                    kind == 'v' || kind == 'c' ? null : locatorOf(r, dbOid), cols,
                    indexesByRel.getOrDefault(oid, List.of()), consByRel.getOrDefault(oid, List.of()),
                    viewDefs.get(oid), new TupleDesc(attrs));
            rels.put(oid, d);
            byNsp.computeIfAbsent(nsp, k -> new HashMap<>()).put(d.name(), d);
        }

        Map<Integer, RoleDesc> roles = new TreeMap<>();
        Map<String, RoleDesc> roleNames = new HashMap<>();
        for (CatalogRow r : heaps.get(PG_AUTHID).scan(snap)) {
            RoleDesc d = role(r);
            roles.put(d.oid(), d);
            roleNames.put(d.name(), d);
        }
        Map<Integer, DatabaseDesc> dbs = new TreeMap<>();
        Map<String, DatabaseDesc> dbNames = new HashMap<>();
        for (CatalogRow r : heaps.get(PG_DATABASE).scan(snap)) {
            DatabaseDesc d = new DatabaseDesc(r.getInt("oid"), r.getString("datname"), r.getInt("datdba"),
                    r.getInt("encoding"), r.getBool("datistemplate"), r.getBool("datallowconn"),
                    r.getInt("datconnlimit"), r.getInt("dattablespace"), r.getString("datcollate"),
                    r.getString("datctype"));
            dbs.put(d.oid(), d);
            dbNames.put(d.name(), d);
        }
        Map<String, String> descs = new HashMap<>();
        for (CatalogRow r : heaps.get(PG_DESCRIPTION).scan(snap)) {
            descs.put(CatalogData.descriptionKey(r.getInt("objoid"), r.getInt("classoid"), r.getInt("objsubid")),
                    r.getString("description"));
        }
        Map<String, String> shdescs = new HashMap<>();
        for (CatalogRow r : heaps.get(PG_SHDESCRIPTION).scan(snap)) {
            shdescs.put(CatalogData.descriptionKey(r.getInt("objoid"), r.getInt("classoid"), 0),
                    r.getString("description"));
        }
        List<CatalogData.DependRow> deps = new ArrayList<>();
        for (CatalogRow r : heaps.get(PG_DEPEND).scan(snap)) {
            deps.add(new CatalogData.DependRow(r.getInt("classid"), r.getInt("objid"), r.getInt("objsubid"),
                    r.getInt("refclassid"), r.getInt("refobjid"), r.getInt("refobjsubid"), r.getChar("deptype")));
        }
        Map<Integer, TriggerDesc> triggers = new HashMap<>();
        for (CatalogRow r : heaps.get(PG_TRIGGER).scan(snap)) {
            triggers.put(r.getInt("oid"), new TriggerDesc(r.getInt("oid"), r.getInt("tgrelid"),
                    r.getString("tgname"), r.getInt("tgfoid"), r.getInt("tgtype"), r.getChar("tgenabled"),
                    r.getBool("tgisinternal"), r.getInt("tgconstrrelid"), r.getInt("tgconstraint"),
                    r.getBool("tgdeferrable"), r.getBool("tginitdeferred")));
        }
        return new CatalogData(rels, byNsp, nsps, nspNames, roles, roleNames, dbs, dbNames, sequences, constraints,
                indexes, descs, shdescs, deps, attrdefs, triggers);
    }

    static RoleDesc role(CatalogRow r) {
        return new RoleDesc(r.getInt("oid"), r.getString("rolname"), r.getBool("rolsuper"), r.getBool("rolinherit"),
                r.getBool("rolcreaterole"), r.getBool("rolcreatedb"), r.getBool("rolcanlogin"),
                r.getBool("rolreplication"), r.getBool("rolbypassrls"), r.getInt("rolconnlimit"),
                r.getString("rolpassword"), (Instant) r.get("rolvaliduntil"));
    }

    /** The files of a pg_class row: global/ for shared relations, else the database's directory. */
    static RelFileLocator locatorOf(CatalogRow r, int dbOid) {
        int spc = r.getInt("reltablespace");
        int node = r.getInt("relfilenode");
        if (spc == RelFileLocator.GLOBALTABLESPACE_OID) {
            return new RelFileLocator(RelFileLocator.GLOBALTABLESPACE_OID, 0, node);
        }
        return RelFileLocator.of(dbOid, node);
    }

    private static long key(int rel, int attnum) {
        return ((long) rel << 16) | (attnum & 0xFFFF);
    }
}
