package dev.tusk.catalog;

import dev.tusk.access.transam.Transaction;
import dev.tusk.utils.adt.PgType;
import dev.tusk.utils.adt.TypeRegistry;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.fmgr.FunctionDef;
import java.util.ArrayList;
import java.util.List;

/** {@link Catalog} over the contents {@link CatalogStore} hands out for one transaction (namespace.c lookups). */
final class CatalogReader implements Catalog {
    private final CatalogStore store;
    private final int dbOid;
    private final Transaction tx;
    private final String currentUser;
    /** The session's backend id naming its temp namespace pg_temp_N; 0 or negative while it has none. */
    private final int tempBackendId;

    CatalogReader(CatalogStore store, int dbOid, Transaction tx, String currentUser, int tempBackendId) {
        this.store = store;
        this.dbOid = dbOid;
        this.tx = tx;
        this.currentUser = currentUser;
        this.tempBackendId = tempBackendId;
    }

    @Override
    public int myTempNamespace() {
        if (tempBackendId <= 0) {
            return 0;
        }
        NamespaceDesc n = data().namespacesByName().get(NamespaceDesc.tempNamespaceName(tempBackendId));
        return n == null ? 0 : n.oid();
    }

    private CatalogData data() {
        return store.data(dbOid, tx);
    }

    @Override
    public int databaseOid() {
        return dbOid;
    }

    @Override
    public TriggerDesc trigger(int oid) {
        return data().triggers().get(oid);
    }

    @Override
    public RelationDesc relation(int oid) {
        return data().relations().get(oid);
    }

    @Override
    public RelationDesc relation(int namespaceOid, String name) {
        return data().relationsIn(namespaceOid).get(name);
    }

    @Override
    public RelationDesc resolveRelation(List<String> qualifiedName, List<String> searchPath) {
        RelationDesc r = lookupRelation(qualifiedName, searchPath);
        if (r == null) {
            throw CatalogErrors.relationDoesNotExist(String.join(".", qualifiedName));
        }
        return r;
    }

    @Override
    public RelationDesc lookupRelation(List<String> qualifiedName, List<String> searchPath) {
        CatalogData d = data();
        String name = qualifiedName.getLast();
        if (qualifiedName.size() == 1) {
            for (int nsp : searchPathOids(searchPath)) {
                RelationDesc r = d.relationsIn(nsp).get(name);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
        return d.relationsIn(qualifiedNamespace(qualifiedName)).get(name);
    }

    /** The schema of a 2- or 3-part name: 3F000 when missing, 0A000 for another database. */
    int qualifiedNamespace(List<String> qualifiedName) {
        if (qualifiedName.size() > 3) {
            throw new TuskException(SqlState.SYNTAX_ERROR, "improper qualified name (too many dotted names): "
                    + String.join(".", qualifiedName));
        }
        if (qualifiedName.size() == 3) {
            DatabaseDesc db = database(dbOid);
            if (db == null || !db.name().equals(qualifiedName.get(0))) {
                throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED,
                        "cross-database references are not implemented: " + String.join(".", qualifiedName));
            }
        }
        String schema = qualifiedName.get(qualifiedName.size() - 2);
        NamespaceDesc n = namespace(schema);
        if (n == null && schema.equals("pg_temp")) {
            return 0; // no temp namespace yet: it holds nothing (LookupExplicitNamespace)
        }
        if (n == null) {
            throw CatalogErrors.schemaDoesNotExist(schema);
        }
        return n.oid();
    }

    @Override
    public ConstraintDesc constraint(int oid) {
        return data().constraints().get(oid);
    }

    @Override
    public IndexDesc index(int oid) {
        return data().indexes().get(oid);
    }

    @Override
    public List<RelationDesc> listRelations() {
        return List.copyOf(data().relations().values());
    }

    @Override
    public boolean isRelationVisible(int relOid, List<String> searchPath) {
        RelationDesc r = relation(relOid);
        if (r == null) {
            return false;
        }
        for (int nsp : searchPathOids(searchPath)) {
            RelationDesc first = data().relationsIn(nsp).get(r.name());
            if (first != null) {
                return first.oid() == relOid;
            }
        }
        return false;
    }

    @Override
    public int ownedSequence(int tableOid, int attnum) {
        CatalogData d = data();
        for (CatalogData.DependRow r : d.depends()) {
            if (r.classId() == 1259 && r.deptype() == 'a' && r.refClassId() == 1259 && r.refObjId() == tableOid
                    && r.refObjSubId() == attnum) {
                RelationDesc s = d.relations().get(r.objId());
                if (s != null && s.relkind() == 'S') {
                    return s.oid();
                }
            }
        }
        return 0;
    }

    @Override
    public SequenceDesc sequence(int relOid) {
        return data().sequences().get(relOid);
    }

    @Override
    public NamespaceDesc namespace(int oid) {
        return data().namespaces().get(oid);
    }

    @Override
    public NamespaceDesc namespace(String name) {
        if (name.equals("pg_temp") && tempBackendId > 0) {
            // "pg_temp" names the session's own temp namespace (LookupExplicitNamespace).
            return data().namespacesByName().get(NamespaceDesc.tempNamespaceName(tempBackendId));
        }
        return data().namespacesByName().get(name);
    }

    @Override
    public List<NamespaceDesc> namespaces() {
        return List.copyOf(data().namespaces().values());
    }

    @Override
    public List<Integer> searchPathOids(List<String> searchPath) {
        List<Integer> out = new ArrayList<>();
        for (String s : explicitPath(searchPath)) {
            NamespaceDesc n = namespace(s);
            if (n != null && !out.contains(n.oid())) {
                out.add(n.oid());
            }
        }
        if (!out.contains(NamespaceDesc.PG_CATALOG)) {
            out.addFirst(NamespaceDesc.PG_CATALOG);
        }
        // The session's temp namespace is searched first unless search_path places pg_temp explicitly.
        int temp = myTempNamespace();
        if (temp != 0 && !out.contains(temp)) {
            out.addFirst(temp);
        }
        return out;
    }

    private List<String> explicitPath(List<String> searchPath) {
        List<String> out = new ArrayList<>();
        for (String s : searchPath == null ? List.of("$user", "public") : searchPath) {
            if (s.equals("$user")) {
                if (currentUser != null) {
                    out.add(currentUser);
                }
            } else {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public int creationNamespace(List<String> searchPath) {
        for (String s : explicitPath(searchPath)) {
            NamespaceDesc n = namespace(s);
            if (n != null) {
                return n.oid();
            }
        }
        throw new TuskException(SqlState.INVALID_SCHEMA_NAME, "no schema has been selected to create in");
    }

    @Override
    public PgType type(int oid) {
        return TypeRegistry.builtin().byOid(oid).orElse(null);
    }

    @Override
    public PgType lookupType(List<String> qualifiedName, List<String> searchPath) {
        if (qualifiedName.size() > 1) {
            int nsp = qualifiedNamespace(qualifiedName);
            if (nsp == InformationSchema.NAMESPACE) {
                return InformationSchema.domainBaseType(qualifiedName.getLast());
            }
            if (nsp != NamespaceDesc.PG_CATALOG) {
                return null;
            }
        }
        return TypeRegistry.builtin().byName(qualifiedName.getLast()).orElse(null);
    }

    @Override
    public ProcDesc function(int oid) {
        return ProcCatalog.byOid(oid);
    }

    @Override
    public List<ProcDesc> functions(String name) {
        return ProcCatalog.byName(name);
    }

    static ProcDesc proc(FunctionDef f) {
        return new ProcDesc(f.oid(), f.name(), f.namespace(), f.argTypes(), f.returnType(), f.returnsSet(),
                f.prokind());
    }

    @Override
    public RoleDesc role(int oid) {
        return data().roles().get(oid);
    }

    @Override
    public RoleDesc role(String name) {
        return data().rolesByName().get(name);
    }

    @Override
    public List<RoleDesc> roles() {
        return List.copyOf(data().roles().values());
    }

    @Override
    public DatabaseDesc database(int oid) {
        return data().databases().get(oid);
    }

    @Override
    public DatabaseDesc database(String name) {
        return data().databasesByName().get(name);
    }

    @Override
    public List<DatabaseDesc> databases() {
        return List.copyOf(data().databases().values());
    }

    @Override
    public String description(int objOid, int classOid, int objSubId) {
        return data().descriptions().get(CatalogData.descriptionKey(objOid, classOid, objSubId));
    }

    @Override
    public String sharedDescription(int objOid, int classOid) {
        return data().sharedDescriptions().get(CatalogData.descriptionKey(objOid, classOid, 0));
    }

    @Override
    public List<Dependent> dependents(int relOid) {
        return Dependencies.dependents(data(), relOid);
    }
}
