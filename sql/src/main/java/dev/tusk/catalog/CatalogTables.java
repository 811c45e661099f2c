package dev.tusk.catalog;

import java.util.List;

/**
 * The system catalog tables Tusk creates in every database, with PostgreSQL 15's OIDs, column names, column
 * order, column types and NOT NULL markings (taken from PostgreSQL 15's catalog headers). Each column spec is
 * {@code name:typeOid:notNull}. Shared catalogs live once per cluster in {@code global/}.
 */
public final class CatalogTables {
    private CatalogTables() {
    }

    public static final CatalogTable PG_DEFAULT_ACL = CatalogTable.parse(826, "pg_default_acl", false,
            "oid:26:t defaclrole:26:t defaclnamespace:26:t defaclobjtype:18:t defaclacl:1034:t");
    public static final CatalogTable PG_TABLESPACE = CatalogTable.parse(1213, "pg_tablespace", true,
            "oid:26:t spcname:19:t spcowner:26:t spcacl:1034:f spcoptions:1009:f");
    public static final CatalogTable PG_SHDEPEND = CatalogTable.parse(1214, "pg_shdepend", true,
            "dbid:26:t classid:26:t objid:26:t objsubid:23:t refclassid:26:t refobjid:26:t deptype:18:t");
    public static final CatalogTable PG_TYPE = CatalogTable.parse(1247, "pg_type", false,
            "oid:26:t typname:19:t typnamespace:26:t typowner:26:t typlen:21:t typbyval:16:t typtype:18:t "
            + "typcategory:18:t typispreferred:16:t typisdefined:16:t typdelim:18:t typrelid:26:t "
            + "typsubscript:24:t typelem:26:t typarray:26:t typinput:24:t typoutput:24:t typreceive:24:t "
            + "typsend:24:t typmodin:24:t typmodout:24:t typanalyze:24:t typalign:18:t typstorage:18:t "
            + "typnotnull:16:t typbasetype:26:t typtypmod:23:t typndims:23:t typcollation:26:t "
            + "typdefaultbin:194:f typdefault:25:f typacl:1034:f");
    public static final CatalogTable PG_ATTRIBUTE = CatalogTable.parse(1249, "pg_attribute", false,
            "attrelid:26:t attname:19:t atttypid:26:t attstattarget:23:t attlen:21:t attnum:21:t "
            + "attndims:23:t attcacheoff:23:t atttypmod:23:t attbyval:16:t attalign:18:t attstorage:18:t "
            + "attcompression:18:t attnotnull:16:t atthasdef:16:t atthasmissing:16:t attidentity:18:t "
            + "attgenerated:18:t attisdropped:16:t attislocal:16:t attinhcount:23:t attcollation:26:t "
            + "attacl:1034:f attoptions:1009:f attfdwoptions:1009:f attmissingval:2277:f");
    public static final CatalogTable PG_PROC = CatalogTable.parse(1255, "pg_proc", false,
            "oid:26:t proname:19:t pronamespace:26:t proowner:26:t prolang:26:t procost:700:t prorows:700:t "
            + "provariadic:26:t prosupport:24:t prokind:18:t prosecdef:16:t proleakproof:16:t "
            + "proisstrict:16:t proretset:16:t provolatile:18:t proparallel:18:t pronargs:21:t "
            + "pronargdefaults:21:t prorettype:26:t proargtypes:30:t proallargtypes:1028:f proargmodes:1002:f "
            + "proargnames:1009:f proargdefaults:194:f protrftypes:1028:f prosrc:25:t probin:25:f "
            + "prosqlbody:194:f proconfig:1009:f proacl:1034:f");
    public static final CatalogTable PG_CLASS = CatalogTable.parse(1259, "pg_class", false,
            "oid:26:t relname:19:t relnamespace:26:t reltype:26:t reloftype:26:t relowner:26:t relam:26:t "
            + "relfilenode:26:t reltablespace:26:t relpages:23:t reltuples:700:t relallvisible:23:t "
            + "reltoastrelid:26:t relhasindex:16:t relisshared:16:t relpersistence:18:t relkind:18:t "
            + "relnatts:21:t relchecks:21:t relhasrules:16:t relhastriggers:16:t relhassubclass:16:t "
            + "relrowsecurity:16:t relforcerowsecurity:16:t relispopulated:16:t relreplident:18:t "
            + "relispartition:16:t relrewrite:26:t relfrozenxid:28:t relminmxid:28:t relacl:1034:f "
            + "reloptions:1009:f relpartbound:194:f");
    public static final CatalogTable PG_AUTHID = CatalogTable.parse(1260, "pg_authid", true,
            "oid:26:t rolname:19:t rolsuper:16:t rolinherit:16:t rolcreaterole:16:t rolcreatedb:16:t "
            + "rolcanlogin:16:t rolreplication:16:t rolbypassrls:16:t rolconnlimit:23:t rolpassword:25:f "
            + "rolvaliduntil:1184:f");
    public static final CatalogTable PG_AUTH_MEMBERS = CatalogTable.parse(1261, "pg_auth_members", true,
            "roleid:26:t member:26:t grantor:26:t admin_option:16:t");
    public static final CatalogTable PG_DATABASE = CatalogTable.parse(1262, "pg_database", true,
            "oid:26:t datname:19:t datdba:26:t encoding:23:t datlocprovider:18:t datistemplate:16:t "
            + "datallowconn:16:t datconnlimit:23:t datfrozenxid:28:t datminmxid:28:t dattablespace:26:t "
            + "datcollate:25:t datctype:25:t daticulocale:25:f datcollversion:25:f datacl:1034:f");
    public static final CatalogTable PG_FOREIGN_SERVER = CatalogTable.parse(1417, "pg_foreign_server", false,
            "oid:26:t srvname:19:t srvowner:26:t srvfdw:26:t srvtype:25:f srvversion:25:f srvacl:1034:f "
            + "srvoptions:1009:f");
    public static final CatalogTable PG_USER_MAPPING = CatalogTable.parse(1418, "pg_user_mapping", false,
            "oid:26:t umuser:26:t umserver:26:t umoptions:1009:f");
    public static final CatalogTable PG_SEQUENCE = CatalogTable.parse(2224, "pg_sequence", false,
            "seqrelid:26:t seqtypid:26:t seqstart:20:t seqincrement:20:t seqmax:20:t seqmin:20:t "
            + "seqcache:20:t seqcycle:16:t");
    public static final CatalogTable PG_FOREIGN_DATA_WRAPPER = 
            CatalogTable.parse(2328, "pg_foreign_data_wrapper", false,
            "oid:26:t fdwname:19:t fdwowner:26:t fdwhandler:26:t fdwvalidator:26:t fdwacl:1034:f fdwoptions:1009:f");
    public static final CatalogTable PG_SHDESCRIPTION = CatalogTable.parse(2396, "pg_shdescription", true,
            "objoid:26:t classoid:26:t description:25:t");
    public static final CatalogTable PG_AGGREGATE = CatalogTable.parse(2600, "pg_aggregate", false,
            "aggfnoid:24:t aggkind:18:t aggnumdirectargs:21:t aggtransfn:24:t aggfinalfn:24:t "
            + "aggcombinefn:24:t aggserialfn:24:t aggdeserialfn:24:t aggmtransfn:24:t aggminvtransfn:24:t "
            + "aggmfinalfn:24:t aggfinalextra:16:t aggmfinalextra:16:t aggfinalmodify:18:t "
            + "aggmfinalmodify:18:t aggsortop:26:t aggtranstype:26:t aggtransspace:23:t aggmtranstype:26:t "
            + "aggmtransspace:23:t agginitval:25:f aggminitval:25:f");
    public static final CatalogTable PG_AM = CatalogTable.parse(2601, "pg_am", false,
            "oid:26:t amname:19:t amhandler:24:t amtype:18:t");
    public static final CatalogTable PG_AMOP = CatalogTable.parse(2602, "pg_amop", false,
            "oid:26:t amopfamily:26:t amoplefttype:26:t amoprighttype:26:t amopstrategy:21:t "
            + "amoppurpose:18:t amopopr:26:t amopmethod:26:t amopsortfamily:26:t");
    public static final CatalogTable PG_AMPROC = CatalogTable.parse(2603, "pg_amproc", false,
            "oid:26:t amprocfamily:26:t amproclefttype:26:t amprocrighttype:26:t amprocnum:21:t amproc:24:t");
    public static final CatalogTable PG_ATTRDEF = CatalogTable.parse(2604, "pg_attrdef", false,
            "oid:26:t adrelid:26:t adnum:21:t adbin:194:t");
    public static final CatalogTable PG_CAST = CatalogTable.parse(2605, "pg_cast", false,
            "oid:26:t castsource:26:t casttarget:26:t castfunc:26:t castcontext:18:t castmethod:18:t");
    public static final CatalogTable PG_CONSTRAINT = CatalogTable.parse(2606, "pg_constraint", false,
            "oid:26:t conname:19:t connamespace:26:t contype:18:t condeferrable:16:t condeferred:16:t "
            + "convalidated:16:t conrelid:26:t contypid:26:t conindid:26:t conparentid:26:t confrelid:26:t "
            + "confupdtype:18:t confdeltype:18:t confmatchtype:18:t conislocal:16:t coninhcount:23:t "
            + "connoinherit:16:t conkey:1005:f confkey:1005:f conpfeqop:1028:f conppeqop:1028:f "
            + "conffeqop:1028:f confdelsetcols:1005:f conexclop:1028:f conbin:194:f");
    public static final CatalogTable PG_CONVERSION = CatalogTable.parse(2607, "pg_conversion", false,
            "oid:26:t conname:19:t connamespace:26:t conowner:26:t conforencoding:23:t contoencoding:23:t "
            + "conproc:24:t condefault:16:t");
    public static final CatalogTable PG_DEPEND = CatalogTable.parse(2608, "pg_depend", false,
            "classid:26:t objid:26:t objsubid:23:t refclassid:26:t refobjid:26:t refobjsubid:23:t deptype:18:t");
    public static final CatalogTable PG_DESCRIPTION = CatalogTable.parse(2609, "pg_description", false,
            "objoid:26:t classoid:26:t objsubid:23:t description:25:t");
    public static final CatalogTable PG_INDEX = CatalogTable.parse(2610, "pg_index", false,
            "indexrelid:26:t indrelid:26:t indnatts:21:t indnkeyatts:21:t indisunique:16:t "
            + "indnullsnotdistinct:16:t indisprimary:16:t indisexclusion:16:t indimmediate:16:t "
            + "indisclustered:16:t indisvalid:16:t indcheckxmin:16:t indisready:16:t indislive:16:t "
            + "indisreplident:16:t indkey:22:t indcollation:30:t indclass:30:t indoption:22:t indexprs:194:f "
            + "indpred:194:f");
    public static final CatalogTable PG_INHERITS = CatalogTable.parse(2611, "pg_inherits", false,
            "inhrelid:26:t inhparent:26:t inhseqno:23:t inhdetachpending:16:t");
    public static final CatalogTable PG_LANGUAGE = CatalogTable.parse(2612, "pg_language", false,
            "oid:26:t lanname:19:t lanowner:26:t lanispl:16:t lanpltrusted:16:t lanplcallfoid:26:t "
            + "laninline:26:t lanvalidator:26:t lanacl:1034:f");
    public static final CatalogTable PG_NAMESPACE = CatalogTable.parse(2615, "pg_namespace", false,
            "oid:26:t nspname:19:t nspowner:26:t nspacl:1034:f");
    public static final CatalogTable PG_OPCLASS = CatalogTable.parse(2616, "pg_opclass", false,
            "oid:26:t opcmethod:26:t opcname:19:t opcnamespace:26:t opcowner:26:t opcfamily:26:t "
            + "opcintype:26:t opcdefault:16:t opckeytype:26:t");
    public static final CatalogTable PG_OPERATOR = CatalogTable.parse(2617, "pg_operator", false,
            "oid:26:t oprname:19:t oprnamespace:26:t oprowner:26:t oprkind:18:t oprcanmerge:16:t "
            + "oprcanhash:16:t oprleft:26:t oprright:26:t oprresult:26:t oprcom:26:t oprnegate:26:t "
            + "oprcode:24:t oprrest:24:t oprjoin:24:t");
    public static final CatalogTable PG_REWRITE = CatalogTable.parse(2618, "pg_rewrite", false,
            "oid:26:t rulename:19:t ev_class:26:t ev_type:18:t ev_enabled:18:t is_instead:16:t "
            + "ev_qual:194:t ev_action:194:t");
    public static final CatalogTable PG_STATISTIC = CatalogTable.parse(2619, "pg_statistic", false,
            "starelid:26:t staattnum:21:t stainherit:16:t stanullfrac:700:t stawidth:23:t stadistinct:700:t "
            + "stakind1:21:t stakind2:21:t stakind3:21:t stakind4:21:t stakind5:21:t staop1:26:t staop2:26:t "
            + "staop3:26:t staop4:26:t staop5:26:t stacoll1:26:t stacoll2:26:t stacoll3:26:t stacoll4:26:t "
            + "stacoll5:26:t stanumbers1:1021:f stanumbers2:1021:f stanumbers3:1021:f stanumbers4:1021:f "
            + "stanumbers5:1021:f stavalues1:2277:f stavalues2:2277:f stavalues3:2277:f stavalues4:2277:f "
            + "stavalues5:2277:f");
    public static final CatalogTable PG_TRIGGER = CatalogTable.parse(2620, "pg_trigger", false,
            "oid:26:t tgrelid:26:t tgparentid:26:t tgname:19:t tgfoid:26:t tgtype:21:t tgenabled:18:t "
            + "tgisinternal:16:t tgconstrrelid:26:t tgconstrindid:26:t tgconstraint:26:t tgdeferrable:16:t "
            + "tginitdeferred:16:t tgnargs:21:t tgattr:22:t tgargs:17:t tgqual:194:f tgoldtable:19:f "
            + "tgnewtable:19:f");
    public static final CatalogTable PG_OPFAMILY = CatalogTable.parse(2753, "pg_opfamily", false,
            "oid:26:t opfmethod:26:t opfname:19:t opfnamespace:26:t opfowner:26:t");
    public static final CatalogTable PG_DB_ROLE_SETTING = CatalogTable.parse(2964, "pg_db_role_setting", true,
            "setdatabase:26:t setrole:26:t setconfig:1009:f");
    public static final CatalogTable PG_LARGEOBJECT_METADATA = 
            CatalogTable.parse(2995, "pg_largeobject_metadata", false,
            "oid:26:t lomowner:26:t lomacl:1034:f");
    public static final CatalogTable PG_EXTENSION = CatalogTable.parse(3079, "pg_extension", false,
            "oid:26:t extname:19:t extowner:26:t extnamespace:26:t extrelocatable:16:t extversion:25:t "
            + "extconfig:1028:f extcondition:1009:f");
    public static final CatalogTable PG_FOREIGN_TABLE = CatalogTable.parse(3118, "pg_foreign_table", false,
            "ftrelid:26:t ftserver:26:t ftoptions:1009:f");
    public static final CatalogTable PG_POLICY = CatalogTable.parse(3256, "pg_policy", false,
            "oid:26:t polname:19:t polrelid:26:t polcmd:18:t polpermissive:16:t polroles:1028:t "
            + "polqual:194:f polwithcheck:194:f");
    public static final CatalogTable PG_PARTITIONED_TABLE = CatalogTable.parse(3350, "pg_partitioned_table", false,
            "partrelid:26:t partstrat:18:t partnatts:21:t partdefid:26:t partattrs:22:t partclass:30:t "
            + "partcollation:30:t partexprs:194:f");
    public static final CatalogTable PG_STATISTIC_EXT = CatalogTable.parse(3381, "pg_statistic_ext", false,
            "oid:26:t stxrelid:26:t stxname:19:t stxnamespace:26:t stxowner:26:t stxstattarget:23:t "
            + "stxkeys:22:t stxkind:1002:t stxexprs:194:f");
    public static final CatalogTable PG_INIT_PRIVS = CatalogTable.parse(3394, "pg_init_privs", false,
            "objoid:26:t classoid:26:t objsubid:23:t privtype:18:t initprivs:1034:t");
    public static final CatalogTable PG_COLLATION = CatalogTable.parse(3456, "pg_collation", false,
            "oid:26:t collname:19:t collnamespace:26:t collowner:26:t collprovider:18:t "
            + "collisdeterministic:16:t collencoding:23:t collcollate:25:f collctype:25:f colliculocale:25:f "
            + "collversion:25:f");
    public static final CatalogTable PG_EVENT_TRIGGER = CatalogTable.parse(3466, "pg_event_trigger", false,
            "oid:26:t evtname:19:t evtevent:19:t evtowner:26:t evtfoid:26:t evtenabled:18:t evttags:1009:f");
    public static final CatalogTable PG_ENUM = CatalogTable.parse(3501, "pg_enum", false,
            "oid:26:t enumtypid:26:t enumsortorder:700:t enumlabel:19:t");
    public static final CatalogTable PG_RANGE = CatalogTable.parse(3541, "pg_range", false,
            "rngtypid:26:t rngsubtype:26:t rngmultitypid:26:t rngcollation:26:t rngsubopc:26:t "
            + "rngcanonical:24:t rngsubdiff:24:t");
    public static final CatalogTable PG_TRANSFORM = CatalogTable.parse(3576, "pg_transform", false,
            "oid:26:t trftype:26:t trflang:26:t trffromsql:24:t trftosql:24:t");
    public static final CatalogTable PG_SHSECLABEL = CatalogTable.parse(3592, "pg_shseclabel", true,
            "objoid:26:t classoid:26:t provider:25:t label:25:t");
    public static final CatalogTable PG_SECLABEL = CatalogTable.parse(3596, "pg_seclabel", false,
            "objoid:26:t classoid:26:t objsubid:23:t provider:25:t label:25:t");
    public static final CatalogTable PG_TS_DICT = CatalogTable.parse(3600, "pg_ts_dict", false,
            "oid:26:t dictname:19:t dictnamespace:26:t dictowner:26:t dicttemplate:26:t dictinitoption:25:f");
    public static final CatalogTable PG_TS_PARSER = CatalogTable.parse(3601, "pg_ts_parser", false,
            "oid:26:t prsname:19:t prsnamespace:26:t prsstart:24:t prstoken:24:t prsend:24:t "
            + "prsheadline:24:t prslextype:24:t");
    public static final CatalogTable PG_TS_CONFIG = CatalogTable.parse(3602, "pg_ts_config", false,
            "oid:26:t cfgname:19:t cfgnamespace:26:t cfgowner:26:t cfgparser:26:t");
    public static final CatalogTable PG_TS_TEMPLATE = CatalogTable.parse(3764, "pg_ts_template", false,
            "oid:26:t tmplname:19:t tmplnamespace:26:t tmplinit:24:t tmpllexize:24:t");
    public static final CatalogTable PG_SUBSCRIPTION = CatalogTable.parse(6100, "pg_subscription", true,
            "oid:26:t subdbid:26:t subskiplsn:3220:t subname:19:t subowner:26:t subenabled:16:t "
            + "subbinary:16:t substream:16:t subtwophasestate:18:t subdisableonerr:16:t subconninfo:25:t "
            + "subslotname:19:f subsynccommit:25:t subpublications:1009:t");
    public static final CatalogTable PG_PUBLICATION = CatalogTable.parse(6104, "pg_publication", false,
            "oid:26:t pubname:19:t pubowner:26:t puballtables:16:t pubinsert:16:t pubupdate:16:t "
            + "pubdelete:16:t pubtruncate:16:t pubviaroot:16:t");
    public static final CatalogTable PG_PUBLICATION_REL = CatalogTable.parse(6106, "pg_publication_rel", false,
            "oid:26:t prpubid:26:t prrelid:26:t prqual:194:f prattrs:22:f");
    public static final CatalogTable PG_PUBLICATION_NAMESPACE = 
            CatalogTable.parse(6237, "pg_publication_namespace", false,
            "oid:26:t pnpubid:26:t pnnspid:26:t");

    /** Every catalog table, in OID order. */
    public static final List<CatalogTable> ALL = List.of(PG_DEFAULT_ACL, PG_TABLESPACE, PG_SHDEPEND, PG_TYPE,
            PG_ATTRIBUTE, PG_PROC, PG_CLASS, PG_AUTHID, PG_AUTH_MEMBERS, PG_DATABASE, PG_FOREIGN_SERVER,
            PG_USER_MAPPING, PG_SEQUENCE, PG_FOREIGN_DATA_WRAPPER, PG_SHDESCRIPTION, PG_AGGREGATE, PG_AM, PG_AMOP,
            PG_AMPROC, PG_ATTRDEF, PG_CAST, PG_CONSTRAINT, PG_CONVERSION, PG_DEPEND, PG_DESCRIPTION, PG_INDEX,
            PG_INHERITS, PG_LANGUAGE, PG_NAMESPACE, PG_OPCLASS, PG_OPERATOR, PG_REWRITE, PG_STATISTIC, PG_TRIGGER,
            PG_OPFAMILY, PG_DB_ROLE_SETTING, PG_LARGEOBJECT_METADATA, PG_EXTENSION, PG_FOREIGN_TABLE, PG_POLICY,
            PG_PARTITIONED_TABLE, PG_STATISTIC_EXT, PG_INIT_PRIVS, PG_COLLATION, PG_EVENT_TRIGGER, PG_ENUM, PG_RANGE,
            PG_TRANSFORM, PG_SHSECLABEL, PG_SECLABEL, PG_TS_DICT, PG_TS_PARSER, PG_TS_CONFIG, PG_TS_TEMPLATE,
            PG_SUBSCRIPTION, PG_PUBLICATION, PG_PUBLICATION_REL, PG_PUBLICATION_NAMESPACE);

    /** The catalog table with this OID, or null. */
    public static CatalogTable byOid(int oid) {
        for (CatalogTable t : ALL) {
            if (t.oid() == oid) {
                return t;
            }
        }
        return null;
    }
}
