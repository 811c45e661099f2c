package dev.tusk.catalog;

import java.util.List;

/**
 * The system views Tusk defines in pg_catalog (system_views.sql), with PostgreSQL 15's OIDs, columns and
 * definitions (the text pg_get_viewdef prints for them; the analyzer expands a view by parsing it).
 * pg_settings reads {@code pg_show_all_settings()}, which the GUC layer provides.
 */
final class SystemViews {
    private SystemViews() {
    }

    /** One view: OID, name, columns as {@code name:typeOid ...}, and its SELECT text. */
    record SystemView(int oid, String name, String columns, String definition) {
    }

    static final List<SystemView> ALL = List.of(
            new SystemView(12000, "pg_roles",
                "rolname:19 rolsuper:16 rolinherit:16 rolcreaterole:16 rolcreatedb:16 "
                + "rolcanlogin:16 rolreplication:16 rolconnlimit:23 rolpassword:25 "
                + "rolvaliduntil:1184 rolbypassrls:16 rolconfig:1009 oid:26",
                """
                 SELECT pg_authid.rolname,
                    pg_authid.rolsuper,
                    pg_authid.rolinherit,
                    pg_authid.rolcreaterole,
                    pg_authid.rolcreatedb,
                    pg_authid.rolcanlogin,
                    pg_authid.rolreplication,
                    pg_authid.rolconnlimit,
                    '********'::text AS rolpassword,
                    pg_authid.rolvaliduntil,
                    pg_authid.rolbypassrls,
                    s.setconfig AS rolconfig,
                    pg_authid.oid
                   FROM (pg_authid
                     LEFT JOIN pg_db_role_setting s ON (((pg_authid.oid = s.setrole) AND (s.setdatabase = (0)::oid))));
                """.stripTrailing()),
            new SystemView(12005, "pg_shadow",
                "usename:19 usesysid:26 usecreatedb:16 usesuper:16 userepl:16 usebypassrls:16 "
                + "passwd:25 valuntil:1184 useconfig:1009",
                """
                 SELECT pg_authid.rolname AS usename,
                    pg_authid.oid AS usesysid,
                    pg_authid.rolcreatedb AS usecreatedb,
                    pg_authid.rolsuper AS usesuper,
                    pg_authid.rolreplication AS userepl,
                    pg_authid.rolbypassrls AS usebypassrls,
                    pg_authid.rolpassword AS passwd,
                    pg_authid.rolvaliduntil AS valuntil,
                    s.setconfig AS useconfig
                   FROM (pg_authid
                     LEFT JOIN pg_db_role_setting s ON (((pg_authid.oid = s.setrole) AND (s.setdatabase = (0)::oid))))
                  WHERE pg_authid.rolcanlogin;
                """.stripTrailing()),
            new SystemView(12010, "pg_group",
                "groname:19 grosysid:26 grolist:1028",
                """
                 SELECT pg_authid.rolname AS groname,
                    pg_authid.oid AS grosysid,
                    ARRAY( SELECT pg_auth_members.member
                           FROM pg_auth_members
                          WHERE (pg_auth_members.roleid = pg_authid.oid)) AS grolist
                   FROM pg_authid
                  WHERE (NOT pg_authid.rolcanlogin);
                """.stripTrailing()),
            new SystemView(12014, "pg_user",
                "usename:19 usesysid:26 usecreatedb:16 usesuper:16 userepl:16 usebypassrls:16 "
                + "passwd:25 valuntil:1184 useconfig:1009",
                """
                 SELECT pg_shadow.usename,
                    pg_shadow.usesysid,
                    pg_shadow.usecreatedb,
                    pg_shadow.usesuper,
                    pg_shadow.userepl,
                    pg_shadow.usebypassrls,
                    '********'::text AS passwd,
                    pg_shadow.valuntil,
                    pg_shadow.useconfig
                   FROM pg_shadow;
                """.stripTrailing()),
            new SystemView(12028, "pg_views",
                "schemaname:19 viewname:19 viewowner:19 definition:25",
                """
                 SELECT n.nspname AS schemaname,
                    c.relname AS viewname,
                    pg_get_userbyid(c.relowner) AS viewowner,
                    pg_get_viewdef(c.oid) AS definition
                   FROM (pg_class c
                     LEFT JOIN pg_namespace n ON ((n.oid = c.relnamespace)))
                  WHERE (c.relkind = 'v'::"char");
                """.stripTrailing()),
            new SystemView(12033, "pg_tables",
                "schemaname:19 tablename:19 tableowner:19 tablespace:19 hasindexes:16 "
                + "hasrules:16 hastriggers:16 rowsecurity:16",
                """
                 SELECT n.nspname AS schemaname,
                    c.relname AS tablename,
                    pg_get_userbyid(c.relowner) AS tableowner,
                    t.spcname AS tablespace,
                    c.relhasindex AS hasindexes,
                    c.relhasrules AS hasrules,
                    c.relhastriggers AS hastriggers,
                    c.relrowsecurity AS rowsecurity
                   FROM ((pg_class c
                     LEFT JOIN pg_namespace n ON ((n.oid = c.relnamespace)))
                     LEFT JOIN pg_tablespace t ON ((t.oid = c.reltablespace)))
                  WHERE (c.relkind = ANY (ARRAY['r'::"char", 'p'::"char"]));
                """.stripTrailing()),
            new SystemView(12038, "pg_matviews",
                "schemaname:19 matviewname:19 matviewowner:19 tablespace:19 hasindexes:16 "
                + "ispopulated:16 definition:25",
                """
                 SELECT n.nspname AS schemaname,
                    c.relname AS matviewname,
                    pg_get_userbyid(c.relowner) AS matviewowner,
                    t.spcname AS tablespace,
                    c.relhasindex AS hasindexes,
                    c.relispopulated AS ispopulated,
                    pg_get_viewdef(c.oid) AS definition
                   FROM ((pg_class c
                     LEFT JOIN pg_namespace n ON ((n.oid = c.relnamespace)))
                     LEFT JOIN pg_tablespace t ON ((t.oid = c.reltablespace)))
                  WHERE (c.relkind = 'm'::"char");
                """.stripTrailing()),
            new SystemView(12043, "pg_indexes",
                "schemaname:19 tablename:19 indexname:19 tablespace:19 indexdef:25",
                """
                 SELECT n.nspname AS schemaname,
                    c.relname AS tablename,
                    i.relname AS indexname,
                    t.spcname AS tablespace,
                    pg_get_indexdef(i.oid) AS indexdef
                   FROM ((((pg_index x
                     JOIN pg_class c ON ((c.oid = x.indrelid)))
                     JOIN pg_class i ON ((i.oid = x.indexrelid)))
                     LEFT JOIN pg_namespace n ON ((n.oid = c.relnamespace)))
                     LEFT JOIN pg_tablespace t ON ((t.oid = i.reltablespace)))
                  WHERE ((c.relkind = ANY (ARRAY['r'::"char", 'm'::"char", 'p'::"char"])) AND (i.relkind = ANY (ARRAY['i'::"char", 'I'::"char"])));
                """.stripTrailing()),
            new SystemView(12048, "pg_sequences",
                "schemaname:19 sequencename:19 sequenceowner:19 data_type:2206 start_value:20 "
                + "min_value:20 max_value:20 increment_by:20 cycle:16 cache_size:20 last_value:20",
                """
                 SELECT n.nspname AS schemaname,
                    c.relname AS sequencename,
                    pg_get_userbyid(c.relowner) AS sequenceowner,
                    (s.seqtypid)::regtype AS data_type,
                    s.seqstart AS start_value,
                    s.seqmin AS min_value,
                    s.seqmax AS max_value,
                    s.seqincrement AS increment_by,
                    s.seqcycle AS cycle,
                    s.seqcache AS cache_size,
                        CASE
                            WHEN has_sequence_privilege(c.oid, 'SELECT,USAGE'::text) THEN pg_sequence_last_value((c.oid)::regclass)
                            ELSE NULL::bigint
                        END AS last_value
                   FROM ((pg_sequence s
                     JOIN pg_class c ON ((c.oid = s.seqrelid)))
                     LEFT JOIN pg_namespace n ON ((n.oid = c.relnamespace)))
                  WHERE ((NOT pg_is_other_temp_schema(n.oid)) AND (c.relkind = 'S'::"char"));
                """.stripTrailing()),
            new SystemView(12104, "pg_settings",
                "name:25 setting:25 unit:25 category:25 short_desc:25 extra_desc:25 context:25 "
                + "vartype:25 source:25 min_val:25 max_val:25 enumvals:1009 boot_val:25 "
                + "reset_val:25 sourcefile:25 sourceline:23 pending_restart:16",
                """
                 SELECT a.name,
                    a.setting,
                    a.unit,
                    a.category,
                    a.short_desc,
                    a.extra_desc,
                    a.context,
                    a.vartype,
                    a.source,
                    a.min_val,
                    a.max_val,
                    a.enumvals,
                    a.boot_val,
                    a.reset_val,
                    a.sourcefile,
                    a.sourceline,
                    a.pending_restart
                   FROM pg_show_all_settings() a(name, setting, unit, category, short_desc, extra_desc, context, vartype, source, min_val, max_val, enumvals, boot_val, reset_val, sourcefile, sourceline, pending_restart);
                """.stripTrailing()));
}
