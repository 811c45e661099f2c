package dev.tusk.catalog;

import static dev.tusk.catalog.CatalogTables.*;

import dev.tusk.access.transam.Transaction;
import java.util.ArrayList;
import java.util.List;

/** The parts of {@link CatalogWriter} for comments, roles and databases (pg_description, pg_authid, pg_database). */
final class SharedObjectWriter extends CatalogWriteSupport {
    SharedObjectWriter(CatalogStore store, int dbOid, Transaction tx) {
        super(store, dbOid, tx);
    }

    // ---- comments

    void setComment(int objOid, int classOid, int objSubId, String text) {
        changing();
        deleteWhere(PG_DESCRIPTION, x -> x.getInt("objoid") == objOid && x.getInt("classoid") == classOid
                && x.getInt("objsubid") == objSubId);
        if (text != null && !text.isEmpty()) {
            insert(CatalogRow.create(PG_DESCRIPTION).set("objoid", objOid).set("classoid", classOid)
                    .set("objsubid", objSubId).set("description", text));
        }
        done();
    }

    void setSharedComment(int objOid, int classOid, String text) {
        changing();
        deleteWhere(PG_SHDESCRIPTION, x -> x.getInt("objoid") == objOid && x.getInt("classoid") == classOid);
        if (text != null && !text.isEmpty()) {
            insert(CatalogRow.create(PG_SHDESCRIPTION).set("objoid", objOid).set("classoid", classOid)
                    .set("description", text));
        }
        done();
    }

    // ---- roles

    int createRole(RoleDesc role) {
        lockName('a', 0, role.name(), d -> d.rolesByName().containsKey(role.name()),
                () -> CatalogErrors.roleExists(role.name()));
        if (data().rolesByName().containsKey(role.name())) {
            throw CatalogErrors.roleExists(role.name());
        }
        changing();
        int oid = newOid();
        insert(CatalogRows.pgAuthid(oid, role));
        done();
        return oid;
    }

    void alterRole(RoleDesc role) {
        RoleDesc current = data().roles().get(role.oid());
        if (current != null && !current.name().equals(role.name())) {
            lockName('a', 0, role.name(), d -> d.rolesByName().containsKey(role.name()),
                    () -> CatalogErrors.roleExists(role.name()));
        }
        RoleDesc other = data().rolesByName().get(role.name());
        if (other != null && other.oid() != role.oid()) {
            throw CatalogErrors.roleExists(role.name());
        }
        changing();
        CatalogRow r = row(PG_AUTHID, x -> x.getInt("oid") == role.oid());
        update(CatalogRow.of(PG_AUTHID, CatalogRows.pgAuthid(role.oid(), role).values(), r.tid()));
        done();
    }

    void dropRole(int oid) {
        CatalogData d = data();
        RoleDesc role = d.roles().get(oid);
        List<String> owned = new ArrayList<>();
        for (RelationDesc r : d.relations().values()) {
            if (r.ownerOid() == oid && r.relkind() != 'i') {
                owned.add("owner of " + Dependencies.describe(d, r));
            }
        }
        for (NamespaceDesc n : d.namespaces().values()) {
            if (n.ownerOid() == oid) {
                owned.add("owner of schema " + n.name());
            }
        }
        for (DatabaseDesc db : d.databases().values()) {
            if (db.ownerOid() == oid) {
                owned.add("owner of database " + db.name());
            }
        }
        if (!owned.isEmpty()) {
            throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.Severity.ERROR,
                    dev.tusk.utils.error.SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "role \"" + role.name()
                    + "\" cannot be dropped because some objects depend on it", String.join("\n", owned), null, 0,
                    null);
        }
        changing();
        deleteWhere(PG_AUTHID, x -> x.getInt("oid") == oid);
        deleteWhere(PG_SHDESCRIPTION, x -> x.getInt("objoid") == oid && x.getInt("classoid") == 1260);
        done();
    }

    // ---- databases

    int createDatabase(String name, int ownerOid, String template) {
        lockName('d', 0, name, x -> x.databasesByName().containsKey(name), () -> CatalogErrors.databaseExists(name));
        CatalogData d = data();
        if (d.databasesByName().containsKey(name)) {
            throw CatalogErrors.databaseExists(name);
        }
        DatabaseDesc tmpl = d.databasesByName().get(template == null ? "template1" : template);
        if (tmpl == null) {
            throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.SqlState.UNDEFINED_DATABASE,
                    "template database \"" + template + "\" does not exist");
        }
        checkNotInUse(tmpl, "source database \"" + tmpl.name() + "\"");
        changing();
        int oid = newOid();
        DatabaseFiles.copy(engine(), tx, tmpl.oid(), oid);
        insert(CatalogRows.pgDatabase(oid, name, ownerOid, false, true));
        done();
        return oid;
    }

    void dropDatabase(int oid) {
        DatabaseDesc db = data().databases().get(oid);
        if (db != null) {
            checkNotInUse(db, "database \"" + db.name() + "\"");
        }
        changing();
        deleteWhere(PG_DATABASE, x -> x.getInt("oid") == oid);
        deleteWhere(PG_SHDESCRIPTION, x -> x.getInt("objoid") == oid && x.getInt("classoid") == 1262);
        DatabaseFiles.dropAtCommit(engine(), tx, oid);
        done();
    }

    /**
     * 55006 when sessions other than the caller's are connected to {@code db} (CountOtherDBBackends). The caller's
     * own session counts as connected to this writer's database.
     */
    private void checkNotInUse(DatabaseDesc db, String what) {
        int others = store.sessionCount(db.oid()) - (db.oid() == dbOid && store.sessionCount(db.oid()) > 0 ? 1 : 0);
        if (others > 0) {
            throw new dev.tusk.utils.error.TuskException(dev.tusk.utils.error.Severity.ERROR,
                    dev.tusk.utils.error.SqlState.OBJECT_IN_USE, what + " is being accessed by other users",
                    others == 1 ? "There is 1 other session using the database."
                            : "There are " + others + " other sessions using the database.", null, 0, null);
        }
    }

    void renameDatabase(int oid, String newName) {
        DatabaseDesc db = data().databases().get(oid);
        if (db != null) {
            checkNotInUse(db, "database \"" + db.name() + "\"");
        }
        lockName('d', 0, newName, x -> x.databasesByName().containsKey(newName),
                () -> CatalogErrors.databaseExists(newName));
        if (data().databasesByName().containsKey(newName)) {
            throw CatalogErrors.databaseExists(newName);
        }
        changing();
        CatalogRow r = row(PG_DATABASE, x -> x.getInt("oid") == oid).copy();
        update(r.set("datname", newName));
        done();
    }
}
