package dev.tusk.catalog;

import dev.tusk.utils.adt.PgType;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.adt.TypeRegistry;
import java.util.List;

/**
 * The information_schema (PostgreSQL's information_schema.sql, run by initdb): the schema, its helper functions
 * ({@link InformationSchemaFunctions}) and the most used views, with PostgreSQL 15's column names and order.
 *
 * <p>Differences from PostgreSQL: (1) the schema has the fixed OID 13207 (what a PostgreSQL 15 initdb assigns;
 * PostgreSQL itself allocates it dynamically) and the views keep PostgreSQL 15's OIDs; (2) Tusk has no domains, so
 * the columns are typed with the domains' base types: sql_identifier = name, cardinal_number = integer,
 * character_data and yes_or_no = character varying, time_stamp = timestamp with time zone (a cast to
 * {@code information_schema.sql_identifier} etc. resolves to the base type, see {@link #domainBaseType});
 * (3) the view texts are simpler than PostgreSQL's (no privilege filters, since every role has every privilege;
 * key_column_usage uses generate_subscripts instead of field selection on _pg_expandarray's record; no domain,
 * collation-schema or identity-sequence lookups beyond what the catalogs hold).
 */
public final class InformationSchema {
    /** pg_namespace OID of information_schema. */
    public static final int NAMESPACE = 13207;

    private InformationSchema() {
    }

    /** The base type a domain of information_schema stands for, or null if {@code name} is not one. */
    public static PgType domainBaseType(String name) {
        int oid = switch (name) {
            case "sql_identifier" -> TypeOids.NAME;
            case "cardinal_number" -> TypeOids.INT4;
            case "character_data", "yes_or_no" -> TypeOids.VARCHAR;
            case "time_stamp" -> TypeOids.TIMESTAMPTZ;
            default -> 0;
        };
        return oid == 0 ? null : TypeRegistry.builtin().byOid(oid).orElse(null);
    }

    private static final String DB = "pg_catalog.current_database()";

    static final List<SystemViews.SystemView> VIEWS = List.of(
            new SystemViews.SystemView(13227, "information_schema_catalog_name", "catalog_name:19",
                " SELECT " + DB + " AS catalog_name;"),
            new SystemViews.SystemView(13382, "schemata",
                "catalog_name:19 schema_name:19 schema_owner:19 default_character_set_catalog:19 "
                + "default_character_set_schema:19 default_character_set_name:19 sql_path:1043",
                """
                 SELECT pg_catalog.current_database() AS catalog_name,
                    n.nspname AS schema_name,
                    u.rolname AS schema_owner,
                    NULL::name AS default_character_set_catalog,
                    NULL::name AS default_character_set_schema,
                    NULL::name AS default_character_set_name,
                    NULL::character varying AS sql_path
                   FROM pg_catalog.pg_namespace n
                     JOIN pg_catalog.pg_authid u ON n.nspowner = u.oid;
                """.stripTrailing()),
            new SystemViews.SystemView(13425, "tables",
                "table_catalog:19 table_schema:19 table_name:19 table_type:1043 self_referencing_column_name:19 "
                + "reference_generation:1043 user_defined_type_catalog:19 user_defined_type_schema:19 "
                + "user_defined_type_name:19 is_insertable_into:1043 is_typed:1043 commit_action:1043",
                """
                 SELECT pg_catalog.current_database() AS table_catalog,
                    nc.nspname AS table_schema,
                    c.relname AS table_name,
                    (CASE WHEN nc.oid = pg_catalog.pg_my_temp_schema() THEN 'LOCAL TEMPORARY'
                          WHEN c.relkind IN ('r', 'p') THEN 'BASE TABLE'
                          WHEN c.relkind = 'v' THEN 'VIEW'
                          WHEN c.relkind = 'f' THEN 'FOREIGN'
                          ELSE NULL END)::character varying AS table_type,
                    NULL::name AS self_referencing_column_name,
                    NULL::character varying AS reference_generation,
                    NULL::name AS user_defined_type_catalog,
                    NULL::name AS user_defined_type_schema,
                    NULL::name AS user_defined_type_name,
                    (CASE WHEN c.relkind IN ('r', 'p') THEN 'YES' ELSE 'NO' END)::character varying
                      AS is_insertable_into,
                    'NO'::character varying AS is_typed,
                    (CASE WHEN nc.oid = pg_catalog.pg_my_temp_schema() THEN 'PRESERVE' ELSE NULL END)
                      ::character varying AS commit_action
                   FROM pg_catalog.pg_namespace nc
                     JOIN pg_catalog.pg_class c ON nc.oid = c.relnamespace
                  WHERE c.relkind IN ('r', 'v', 'f', 'p')
                    AND NOT pg_catalog.pg_is_other_temp_schema(nc.oid);
                """.stripTrailing()),
            new SystemViews.SystemView(13295, "columns",
                "table_catalog:19 table_schema:19 table_name:19 column_name:19 ordinal_position:23 "
                + "column_default:1043 is_nullable:1043 data_type:1043 character_maximum_length:23 "
                + "character_octet_length:23 numeric_precision:23 numeric_precision_radix:23 numeric_scale:23 "
                + "datetime_precision:23 interval_type:1043 interval_precision:23 character_set_catalog:19 "
                + "character_set_schema:19 character_set_name:19 collation_catalog:19 collation_schema:19 "
                + "collation_name:19 domain_catalog:19 domain_schema:19 domain_name:19 udt_catalog:19 "
                + "udt_schema:19 udt_name:19 scope_catalog:19 scope_schema:19 scope_name:19 "
                + "maximum_cardinality:23 dtd_identifier:19 is_self_referencing:1043 is_identity:1043 "
                + "identity_generation:1043 identity_start:1043 identity_increment:1043 identity_maximum:1043 "
                + "identity_minimum:1043 identity_cycle:1043 is_generated:1043 generation_expression:1043 "
                + "is_updatable:1043",
                """
                 SELECT pg_catalog.current_database() AS table_catalog,
                    nc.nspname AS table_schema,
                    c.relname AS table_name,
                    a.attname AS column_name,
                    a.attnum::integer AS ordinal_position,
                    (CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END)
                      ::character varying AS column_default,
                    (CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END)::character varying AS is_nullable,
                    (CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
                          WHEN nt.nspname = 'pg_catalog' THEN pg_catalog.format_type(a.atttypid, NULL)
                          ELSE 'USER-DEFINED' END)::character varying AS data_type,
                    information_schema._pg_char_max_length(a.atttypid, a.atttypmod) AS character_maximum_length,
                    information_schema._pg_char_octet_length(a.atttypid, a.atttypmod) AS character_octet_length,
                    information_schema._pg_numeric_precision(a.atttypid, a.atttypmod) AS numeric_precision,
                    information_schema._pg_numeric_precision_radix(a.atttypid, a.atttypmod)
                      AS numeric_precision_radix,
                    information_schema._pg_numeric_scale(a.atttypid, a.atttypmod) AS numeric_scale,
                    information_schema._pg_datetime_precision(a.atttypid, a.atttypmod) AS datetime_precision,
                    information_schema._pg_interval_type(a.atttypid, a.atttypmod)::character varying
                      AS interval_type,
                    NULL::integer AS interval_precision,
                    NULL::name AS character_set_catalog,
                    NULL::name AS character_set_schema,
                    NULL::name AS character_set_name,
                    (CASE WHEN co.collname IS NOT NULL THEN pg_catalog.current_database() END)::name
                      AS collation_catalog,
                    (CASE WHEN co.collname IS NOT NULL THEN 'pg_catalog' END)::name AS collation_schema,
                    co.collname AS collation_name,
                    NULL::name AS domain_catalog,
                    NULL::name AS domain_schema,
                    NULL::name AS domain_name,
                    pg_catalog.current_database() AS udt_catalog,
                    nt.nspname AS udt_schema,
                    t.typname AS udt_name,
                    NULL::name AS scope_catalog,
                    NULL::name AS scope_schema,
                    NULL::name AS scope_name,
                    NULL::integer AS maximum_cardinality,
                    a.attnum::text::name AS dtd_identifier,
                    'NO'::character varying AS is_self_referencing,
                    (CASE WHEN a.attidentity IN ('a', 'd') THEN 'YES' ELSE 'NO' END)::character varying
                      AS is_identity,
                    (CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END)::character varying
                      AS identity_generation,
                    seq.seqstart::character varying AS identity_start,
                    seq.seqincrement::character varying AS identity_increment,
                    seq.seqmax::character varying AS identity_maximum,
                    seq.seqmin::character varying AS identity_minimum,
                    (CASE WHEN seq.seqcycle THEN 'YES' ELSE 'NO' END)::character varying AS identity_cycle,
                    (CASE WHEN a.attgenerated <> '' THEN 'ALWAYS' ELSE 'NEVER' END)::character varying
                      AS is_generated,
                    (CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END)
                      ::character varying AS generation_expression,
                    (CASE WHEN c.relkind IN ('r', 'p') THEN 'YES' ELSE 'NO' END)::character varying
                      AS is_updatable
                   FROM pg_catalog.pg_attribute a
                     JOIN pg_catalog.pg_class c ON a.attrelid = c.oid
                     JOIN pg_catalog.pg_namespace nc ON c.relnamespace = nc.oid
                     JOIN pg_catalog.pg_type t ON a.atttypid = t.oid
                     JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
                     LEFT JOIN pg_catalog.pg_attrdef ad ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
                     LEFT JOIN pg_catalog.pg_collation co ON a.attcollation = co.oid AND co.oid <> 100
                     LEFT JOIN pg_catalog.pg_depend dep ON dep.refclassid = 1259 AND dep.refobjid = c.oid
                       AND dep.refobjsubid = a.attnum AND dep.classid = 1259 AND dep.deptype IN ('a', 'i')
                       AND a.attidentity <> ''
                     LEFT JOIN pg_catalog.pg_sequence seq ON dep.objid = seq.seqrelid
                  WHERE NOT pg_catalog.pg_is_other_temp_schema(nc.oid)
                    AND a.attnum > 0 AND NOT a.attisdropped
                    AND c.relkind IN ('r', 'v', 'f', 'p');
                """.stripTrailing()),
            new SystemViews.SystemView(13483, "views",
                "table_catalog:19 table_schema:19 table_name:19 view_definition:1043 check_option:1043 "
                + "is_updatable:1043 is_insertable_into:1043 is_trigger_updatable:1043 is_trigger_deletable:1043 "
                + "is_trigger_insertable_into:1043",
                """
                 SELECT pg_catalog.current_database() AS table_catalog,
                    nc.nspname AS table_schema,
                    c.relname AS table_name,
                    pg_catalog.pg_get_viewdef(c.oid)::character varying AS view_definition,
                    'NONE'::character varying AS check_option,
                    'NO'::character varying AS is_updatable,
                    'NO'::character varying AS is_insertable_into,
                    'NO'::character varying AS is_trigger_updatable,
                    'NO'::character varying AS is_trigger_deletable,
                    'NO'::character varying AS is_trigger_insertable_into
                   FROM pg_catalog.pg_namespace nc
                     JOIN pg_catalog.pg_class c ON c.relnamespace = nc.oid
                  WHERE c.relkind = 'v' AND NOT pg_catalog.pg_is_other_temp_schema(nc.oid);
                """.stripTrailing()),
            new SystemViews.SystemView(13411, "table_constraints",
                "constraint_catalog:19 constraint_schema:19 constraint_name:19 table_catalog:19 table_schema:19 "
                + "table_name:19 constraint_type:1043 is_deferrable:1043 initially_deferred:1043 enforced:1043 "
                + "nulls_distinct:1043",
                """
                 SELECT pg_catalog.current_database() AS constraint_catalog,
                    nc.nspname AS constraint_schema,
                    c.conname AS constraint_name,
                    pg_catalog.current_database() AS table_catalog,
                    nr.nspname AS table_schema,
                    r.relname AS table_name,
                    (CASE c.contype WHEN 'c' THEN 'CHECK' WHEN 'f' THEN 'FOREIGN KEY' WHEN 'p' THEN 'PRIMARY KEY'
                          WHEN 'u' THEN 'UNIQUE' END)::character varying AS constraint_type,
                    (CASE WHEN c.condeferrable THEN 'YES' ELSE 'NO' END)::character varying AS is_deferrable,
                    (CASE WHEN c.condeferred THEN 'YES' ELSE 'NO' END)::character varying AS initially_deferred,
                    'YES'::character varying AS enforced,
                    (CASE WHEN c.contype = 'u' THEN 'YES' END)::character varying AS nulls_distinct
                   FROM pg_catalog.pg_constraint c
                     JOIN pg_catalog.pg_namespace nc ON nc.oid = c.connamespace
                     JOIN pg_catalog.pg_class r ON c.conrelid = r.oid
                     JOIN pg_catalog.pg_namespace nr ON nr.oid = r.relnamespace
                  WHERE c.contype IN ('c', 'f', 'p', 'u') AND r.relkind IN ('r', 'p')
                    AND NOT pg_catalog.pg_is_other_temp_schema(nr.oid)
                UNION ALL
                 SELECT pg_catalog.current_database() AS constraint_catalog,
                    nr.nspname AS constraint_schema,
                    (nr.oid::text || '_' || r.oid::text || '_' || a.attnum::text || '_not_null')::name
                      AS constraint_name,
                    pg_catalog.current_database() AS table_catalog,
                    nr.nspname AS table_schema,
                    r.relname AS table_name,
                    'CHECK'::character varying AS constraint_type,
                    'NO'::character varying AS is_deferrable,
                    'NO'::character varying AS initially_deferred,
                    'YES'::character varying AS enforced,
                    NULL::character varying AS nulls_distinct
                   FROM pg_catalog.pg_attribute a
                     JOIN pg_catalog.pg_class r ON r.oid = a.attrelid
                     JOIN pg_catalog.pg_namespace nr ON nr.oid = r.relnamespace
                  WHERE a.attnotnull AND a.attnum > 0 AND NOT a.attisdropped AND r.relkind IN ('r', 'p')
                    AND NOT pg_catalog.pg_is_other_temp_schema(nr.oid);
                """.stripTrailing()),
            new SystemViews.SystemView(13260, "check_constraints",
                "constraint_catalog:19 constraint_schema:19 constraint_name:19 check_clause:1043",
                """
                 SELECT pg_catalog.current_database() AS constraint_catalog,
                    rs.nspname AS constraint_schema,
                    con.conname AS constraint_name,
                    pg_catalog.substr(pg_catalog.pg_get_constraintdef(con.oid), 7)::character varying
                      AS check_clause
                   FROM pg_catalog.pg_constraint con
                     JOIN pg_catalog.pg_namespace rs ON rs.oid = con.connamespace
                     JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
                  WHERE con.contype = 'c'
                UNION ALL
                 SELECT pg_catalog.current_database() AS constraint_catalog,
                    n.nspname AS constraint_schema,
                    (n.oid::text || '_' || r.oid::text || '_' || a.attnum::text || '_not_null')::name
                      AS constraint_name,
                    (a.attname::text || ' IS NOT NULL')::character varying AS check_clause
                   FROM pg_catalog.pg_namespace n
                     JOIN pg_catalog.pg_class r ON n.oid = r.relnamespace
                     JOIN pg_catalog.pg_attribute a ON r.oid = a.attrelid
                  WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attnotnull AND r.relkind IN ('r', 'p');
                """.stripTrailing()),
            new SystemViews.SystemView(13300, "constraint_column_usage",
                "table_catalog:19 table_schema:19 table_name:19 column_name:19 constraint_catalog:19 "
                + "constraint_schema:19 constraint_name:19",
                """
                 SELECT pg_catalog.current_database() AS table_catalog,
                    nr.nspname AS table_schema,
                    r.relname AS table_name,
                    a.attname AS column_name,
                    pg_catalog.current_database() AS constraint_catalog,
                    nc.nspname AS constraint_schema,
                    c.conname AS constraint_name
                   FROM pg_catalog.pg_constraint c
                     JOIN pg_catalog.pg_namespace nc ON nc.oid = c.connamespace
                     JOIN pg_catalog.pg_class r ON r.oid = (CASE WHEN c.contype = 'f' THEN c.confrelid
                       ELSE c.conrelid END)
                     JOIN pg_catalog.pg_namespace nr ON nr.oid = r.relnamespace
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid
                  WHERE a.attnum = ANY (CASE WHEN c.contype = 'f' THEN c.confkey ELSE c.conkey END)
                    AND NOT a.attisdropped AND c.contype IN ('p', 'u', 'f', 'c') AND r.relkind IN ('r', 'p');
                """.stripTrailing()),
            new SystemViews.SystemView(13329, "key_column_usage",
                "constraint_catalog:19 constraint_schema:19 constraint_name:19 table_catalog:19 table_schema:19 "
                + "table_name:19 column_name:19 ordinal_position:23 position_in_unique_constraint:23",
                """
                 SELECT pg_catalog.current_database() AS constraint_catalog,
                    ss.nc_nspname AS constraint_schema,
                    ss.conname AS constraint_name,
                    pg_catalog.current_database() AS table_catalog,
                    ss.nr_nspname AS table_schema,
                    ss.relname AS table_name,
                    a.attname AS column_name,
                    ss.k AS ordinal_position,
                    CASE WHEN ss.contype = 'f'
                         THEN information_schema._pg_index_position(ss.conindid, ss.confkey[ss.k]) ELSE NULL END
                      AS position_in_unique_constraint
                   FROM pg_catalog.pg_attribute a,
                    ( SELECT r.oid AS roid, r.relname, nc.nspname AS nc_nspname, nr.nspname AS nr_nspname,
                            c.conname, c.contype, c.conindid, c.conkey, c.confkey,
                            pg_catalog.generate_subscripts(c.conkey, 1) AS k
                           FROM pg_catalog.pg_namespace nr, pg_catalog.pg_class r, pg_catalog.pg_namespace nc,
                            pg_catalog.pg_constraint c
                          WHERE nr.oid = r.relnamespace AND r.oid = c.conrelid AND nc.oid = c.connamespace
                            AND c.contype IN ('p', 'u', 'f') AND r.relkind IN ('r', 'p')
                            AND NOT pg_catalog.pg_is_other_temp_schema(nr.oid)) ss
                  WHERE ss.roid = a.attrelid AND a.attnum = ss.conkey[ss.k] AND NOT a.attisdropped;
                """.stripTrailing()),
            new SystemViews.SystemView(13339, "referential_constraints",
                "constraint_catalog:19 constraint_schema:19 constraint_name:19 unique_constraint_catalog:19 "
                + "unique_constraint_schema:19 unique_constraint_name:19 match_option:1043 update_rule:1043 "
                + "delete_rule:1043",
                """
                 SELECT pg_catalog.current_database() AS constraint_catalog,
                    ncon.nspname AS constraint_schema,
                    con.conname AS constraint_name,
                    (CASE WHEN npkc.nspname IS NULL THEN NULL ELSE pg_catalog.current_database() END)::name
                      AS unique_constraint_catalog,
                    npkc.nspname AS unique_constraint_schema,
                    pkc.conname AS unique_constraint_name,
                    (CASE con.confmatchtype WHEN 'f' THEN 'FULL' WHEN 'p' THEN 'PARTIAL' WHEN 's' THEN 'NONE' END)
                      ::character varying AS match_option,
                    (CASE con.confupdtype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL'
                          WHEN 'd' THEN 'SET DEFAULT' WHEN 'r' THEN 'RESTRICT' WHEN 'a' THEN 'NO ACTION' END)
                      ::character varying AS update_rule,
                    (CASE con.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL'
                          WHEN 'd' THEN 'SET DEFAULT' WHEN 'r' THEN 'RESTRICT' WHEN 'a' THEN 'NO ACTION' END)
                      ::character varying AS delete_rule
                   FROM pg_catalog.pg_constraint con
                     JOIN pg_catalog.pg_namespace ncon ON ncon.oid = con.connamespace
                     JOIN pg_catalog.pg_class c ON con.conrelid = c.oid
                     LEFT JOIN pg_catalog.pg_constraint pkc ON pkc.conindid = con.conindid
                       AND pkc.contype IN ('p', 'u') AND pkc.conrelid = con.confrelid
                     LEFT JOIN pg_catalog.pg_namespace npkc ON pkc.connamespace = npkc.oid
                  WHERE con.contype = 'f';
                """.stripTrailing()),
            new SystemViews.SystemView(13386, "sequences",
                "sequence_catalog:19 sequence_schema:19 sequence_name:19 data_type:1043 numeric_precision:23 "
                + "numeric_precision_radix:23 numeric_scale:23 start_value:1043 minimum_value:1043 "
                + "maximum_value:1043 increment:1043 cycle_option:1043",
                """
                 SELECT pg_catalog.current_database() AS sequence_catalog,
                    nc.nspname AS sequence_schema,
                    c.relname AS sequence_name,
                    pg_catalog.format_type(s.seqtypid, NULL)::character varying AS data_type,
                    information_schema._pg_numeric_precision(s.seqtypid, -1) AS numeric_precision,
                    2 AS numeric_precision_radix,
                    0 AS numeric_scale,
                    s.seqstart::character varying AS start_value,
                    s.seqmin::character varying AS minimum_value,
                    s.seqmax::character varying AS maximum_value,
                    s.seqincrement::character varying AS increment,
                    (CASE WHEN s.seqcycle THEN 'YES' ELSE 'NO' END)::character varying AS cycle_option
                   FROM pg_catalog.pg_namespace nc
                     JOIN pg_catalog.pg_class c ON c.relnamespace = nc.oid
                     JOIN pg_catalog.pg_sequence s ON c.oid = s.seqrelid
                  WHERE c.relkind = 'S'
                    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 1259 AND d.objid = c.oid AND d.deptype = 'i')
                    AND NOT pg_catalog.pg_is_other_temp_schema(nc.oid);
                """.stripTrailing()));
}
