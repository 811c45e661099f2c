package dev.tusk.catalog;

import static dev.tusk.catalog.CatalogTables.*;

import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.transam.Transaction;
import dev.tusk.storage.RelFileLocator;
import dev.tusk.storage.StorageEngine;
import dev.tusk.utils.adt.PgType;
import dev.tusk.utils.adt.TypeRegistry;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * initdb's catalog part (bootstrap mode plus the post-bootstrap SQL scripts): creates the shared catalogs in
 * {@code global/} and every per-database catalog of template1 in {@code base/1/}, fills them (catalogs describing
 * themselves in pg_class/pg_attribute, built-in types and functions from the type and function registries,
 * schemas, the bootstrap superuser, tablespaces, access methods, collations, system views), commits, and
 * copies template1 to template0 and postgres.
 */
public final class Bootstrap {
    /** pg_database_owner, the predefined role that owns schema public in PostgreSQL 15. */
    static final int PG_DATABASE_OWNER = 6171;

    /** PostgreSQL 15's predefined roles (pg_authid.dat), all NOLOGIN. */
    private static final String[][] PREDEFINED_ROLES = {{"3373", "pg_monitor"}, {"3374", "pg_read_all_settings"},
        {"3375", "pg_read_all_stats"}, {"3377", "pg_stat_scan_tables"}, {"4200", "pg_signal_backend"},
        {"4544", "pg_checkpoint"}, {"4569", "pg_read_server_files"}, {"4570", "pg_write_server_files"},
        {"4571", "pg_execute_server_program"}, {"6171", "pg_database_owner"}, {"6181", "pg_read_all_data"},
        {"6182", "pg_write_all_data"}};

    private Bootstrap() {
    }

    /**
     * Runs once on a freshly bootstrapped storage engine.
     *
     * @param superuserName               the bootstrap superuser's name (OID 10)
     * @param superuserScramSecretOrNull  rolpassword as stored (see {@link ScramSecrets#encode}), or null
     */
    public static void initialize(StorageEngine engine, String superuserName, String superuserScramSecretOrNull) {
        CatalogFunctions.register();
        HeapAm heap = new HeapAm(engine.buffers(), engine.smgr(), engine.transactions());
        CatalogHeaps heaps = new CatalogHeaps(heap, DatabaseDesc.TEMPLATE1);
        Transaction tx = engine.transactions().begin();
        try {
            for (CatalogTable t : ALL) {
                heap.createRelation(tx, CatalogHeap.locator(t, DatabaseDesc.TEMPLATE1), CatalogHeap.tupleDesc(t));
            }
            fill(heaps, tx, superuserName, superuserScramSecretOrNull);
            tx.commit();
        } finally {
            tx.close();
        }
        engine.createCheckPoint(false);
        copyDatabase(engine, DatabaseDesc.TEMPLATE1, DatabaseDesc.TEMPLATE0);
        copyDatabase(engine, DatabaseDesc.TEMPLATE1, DatabaseDesc.POSTGRES);
        engine.variables().advanceNextOidPast(dev.tusk.access.transam.TransamVariables.FIRST_NORMAL_OBJECT_ID - 1);
    }

    /** acl.c putid: a role name in an aclitem, double-quoted unless it is only alphanumerics and underscores. */
    static String aclRoleName(String role) {
        for (int i = 0; i < role.length(); i++) {
            char ch = role.charAt(i);
            if (!Character.isLetterOrDigit(ch) && ch != '_') {
                return '"' + role.replace("\"", "\"\"") + '"';
            }
        }
        return role;
    }

    private static void fill(CatalogHeaps heaps, Transaction tx, String superuser, String secret) {
        List<CatalogRow> rows = new ArrayList<>();
        int catalogOwner = RoleDesc.BOOTSTRAP_SUPERUSER;
        for (CatalogTable t : ALL) {
            rows.add(CatalogRows.pgClass(t.oid(), t.name(), NamespaceDesc.PG_CATALOG, catalogOwner, 'r',
                    CatalogRows.HEAP_AM, t.oid(), t.shared() ? RelFileLocator.GLOBALTABLESPACE_OID : 0, t.natts(),
                    t.shared(), 'p'));
            int attnum = 0;
            for (CatalogTable.CatalogColumn c : t.columns()) {
                attnum++;
                rows.add(CatalogRows.pgAttribute(t.oid(), attnum, c.name(), c.typeOid(), -1, c.notNull(), false,
                        '\0', '\0', -1));
            }
        }
        for (SystemViews.SystemView v : SystemViews.ALL) {
            addView(rows, v, NamespaceDesc.PG_CATALOG, catalogOwner);
        }
        for (SystemViews.SystemView v : InformationSchema.VIEWS) {
            addView(rows, v, InformationSchema.NAMESPACE, catalogOwner);
        }
        for (PgType t : TypeRegistry.builtin().all()) {
            rows.add(CatalogRows.pgType(t, 0));
        }
        for (ProcCatalog.Proc f : ProcCatalog.all()) {
            rows.add(CatalogRows.pgProc(f));
        }
        rows.add(CatalogRows.pgNamespace(NamespaceDesc.PG_CATALOG, "pg_catalog", catalogOwner));
        rows.add(CatalogRows.pgNamespace(NamespaceDesc.PG_TOAST, "pg_toast", catalogOwner));
        rows.add(CatalogRows.pgNamespace(NamespaceDesc.PUBLIC, "public", PG_DATABASE_OWNER));
        rows.add(CatalogRows.pgNamespace(InformationSchema.NAMESPACE, "information_schema", catalogOwner));
        rows.add(description(NamespaceDesc.PG_CATALOG, 2615, "system catalog schema"));
        rows.add(description(NamespaceDesc.PG_TOAST, 2615, "reserved schema for TOAST tables"));
        rows.add(description(NamespaceDesc.PUBLIC, 2615, "standard public schema"));
        rows.add(CatalogRows.pgAuthid(RoleDesc.BOOTSTRAP_SUPERUSER, new RoleDesc(RoleDesc.BOOTSTRAP_SUPERUSER,
                superuser, true, true, true, true, true, true, true, -1, secret, null)));
        for (String[] r : PREDEFINED_ROLES) {
            int oid = Integer.parseInt(r[0]);
            rows.add(CatalogRows.pgAuthid(oid, new RoleDesc(oid, r[1], false, true, false, false, false, false, false,
                    -1, null, null)));
        }
        // initdb revokes CREATE and TEMP on the templates from PUBLIC (keeping CONNECT), which makes their
        // datacl explicit: =c/OWNER and OWNER=CTc/OWNER.
        String owner = aclRoleName(superuser);
        dev.tusk.utils.adt.ArrayValue templateAcl = new dev.tusk.utils.adt.ArrayValue(dev.tusk.utils.adt.TypeOids.ACLITEM,
                List.of("=c/" + owner, owner + "=CTc/" + owner));
        rows.add(CatalogRows.pgDatabase(DatabaseDesc.TEMPLATE1, "template1", catalogOwner, true, true)
                .set("datacl", templateAcl));
        rows.add(CatalogRows.pgDatabase(DatabaseDesc.TEMPLATE0, "template0", catalogOwner, true, false)
                .set("datacl", templateAcl));
        rows.add(CatalogRows.pgDatabase(DatabaseDesc.POSTGRES, "postgres", catalogOwner, false, true));
        rows.add(CatalogRow.create(PG_SHDESCRIPTION).set("objoid", DatabaseDesc.TEMPLATE1).set("classoid", 1262)
                .set("description", "default template for new databases"));
        rows.add(CatalogRow.create(PG_SHDESCRIPTION).set("objoid", DatabaseDesc.TEMPLATE0).set("classoid", 1262)
                .set("description", "unmodifiable empty database"));
        rows.add(CatalogRow.create(PG_SHDESCRIPTION).set("objoid", DatabaseDesc.POSTGRES).set("classoid", 1262)
                .set("description", "default administrative connection database"));
        rows.add(CatalogRow.create(PG_TABLESPACE).set("oid", RelFileLocator.DEFAULTTABLESPACE_OID)
                .set("spcname", "pg_default").set("spcowner", catalogOwner));
        rows.add(CatalogRow.create(PG_TABLESPACE).set("oid", RelFileLocator.GLOBALTABLESPACE_OID)
                .set("spcname", "pg_global").set("spcowner", catalogOwner));
        rows.add(CatalogRow.create(PG_AM).set("oid", CatalogRows.HEAP_AM).set("amname", "heap")
                .set("amhandler", 3).setChar("amtype", 't'));
        rows.add(CatalogRow.create(PG_AM).set("oid", CatalogRows.BTREE_AM).set("amname", "btree")
                .set("amhandler", 330).setChar("amtype", 'i'));
        rows.add(collation(CatalogRows.DEFAULT_COLLATION, "default", 'd', null));
        rows.add(collation(CatalogRows.C_COLLATION, "C", 'c', "C"));
        rows.add(collation(951, "POSIX", 'c', "POSIX"));
        rows.add(language(CatalogRows.INTERNAL_LANGUAGE, "internal", false, 2246));
        rows.add(language(13, "c", false, 2247));
        rows.add(language(14, "sql", true, 2248));
        for (CatalogRow r : rows) {
            heaps.get(r.table()).insert(tx, r);
        }
    }

    /** A view: pg_class, pg_attribute for its columns and its _RETURN rule holding the definition text. */
    private static void addView(List<CatalogRow> rows, SystemViews.SystemView v, int namespaceOid, int owner) {
        String[] cols = v.columns().split(" ");
        rows.add(CatalogRows.pgClass(v.oid(), v.name(), namespaceOid, owner, 'v', 0, 0, 0, cols.length, false,
                'p'));
        for (int i = 0; i < cols.length; i++) {
            String[] p = cols[i].split(":");
            rows.add(CatalogRows.pgAttribute(v.oid(), i + 1, p[0], Integer.parseInt(p[1]), -1, false, false, '\0',
                    '\0', -1));
        }
        rows.add(CatalogRow.create(PG_REWRITE).set("oid", v.oid() + 3).set("rulename", "_RETURN")
                .set("ev_class", v.oid()).setChar("ev_type", '1').setChar("ev_enabled", 'O')
                .set("is_instead", true).set("ev_qual", "<>").set("ev_action", v.definition()));
    }

    private static CatalogRow description(int objOid, int classOid, String text) {
        return CatalogRow.create(PG_DESCRIPTION).set("objoid", objOid).set("classoid", classOid).set("objsubid", 0)
                .set("description", text);
    }

    private static CatalogRow collation(int oid, String name, char provider, String locale) {
        return CatalogRow.create(PG_COLLATION).set("oid", oid).set("collname", name)
                .set("collnamespace", NamespaceDesc.PG_CATALOG).set("collowner", RoleDesc.BOOTSTRAP_SUPERUSER)
                .setChar("collprovider", provider).set("collisdeterministic", true).set("collencoding", -1)
                .set("collcollate", locale).set("collctype", locale);
    }

    private static CatalogRow language(int oid, String name, boolean trusted, int validator) {
        return CatalogRow.create(PG_LANGUAGE).set("oid", oid).set("lanname", name)
                .set("lanowner", RoleDesc.BOOTSTRAP_SUPERUSER).set("lanispl", false).set("lanpltrusted", trusted)
                .set("lanplcallfoid", 0).set("laninline", 0).set("lanvalidator", validator);
    }

    /** A plain directory copy for initdb (the source's buffers were just written by a checkpoint). */
    private static void copyDatabase(StorageEngine engine, int from, int to) {
        Path src = DatabaseFiles.dir(engine, from);
        Path dst = DatabaseFiles.dir(engine, to);
        try {
            Files.createDirectories(dst);
            try (Stream<Path> files = Files.list(src)) {
                for (Path f : files.toList()) {
                    Files.copy(f, dst.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new TuskException(SqlState.IO_ERROR, "could not copy database directory \"" + src + "\": "
                    + e.getMessage(), e);
        }
        DatabaseFiles.syncDirectory(dst);
    }
}
