package dev.tusk.catalog;

import dev.tusk.utils.adt.TypeOids;
import java.util.List;

/**
 * The OUT parameters of the functions that return {@code record} (pg_proc's proallargtypes, proargmodes and
 * proargnames), which the function registry does not describe: the column names and types of the rows they
 * return, what the analyzer needs for {@code (f(x)).col} and for a function returning record in FROM without a
 * column definition list. Polymorphic OUT types (anyelement) resolve like the return type of the call.
 */
public final class ProcOutParams {
    /** Column names and type OIDs of one function's result rows, in order. */
    public record Out(List<String> names, List<Integer> types) {
        public Out {
            names = List.copyOf(names);
            types = List.copyOf(types);
        }
    }

    private static final Out EXPANDARRAY = new Out(InformationSchemaFunctions.EXPANDARRAY_OUT_NAMES,
            InformationSchemaFunctions.EXPANDARRAY_OUT_TYPES);

    /** pg_show_all_settings (OID 2084), as PostgreSQL 15 declares it. */
    private static final Out SHOW_ALL_SETTINGS = new Out(
            List.of("name", "setting", "unit", "category", "short_desc", "extra_desc", "context", "vartype", "source",
                    "min_val", "max_val", "enumvals", "boot_val", "reset_val", "sourcefile", "sourceline",
                    "pending_restart"),
            List.of(TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT,
                    TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT_ARRAY,
                    TypeOids.TEXT, TypeOids.TEXT, TypeOids.TEXT, TypeOids.INT4, TypeOids.BOOL));

    private ProcOutParams() {
    }

    /** The OUT parameters of function {@code funcOid}, or null when it has none. */
    public static Out of(int funcOid) {
        return switch (funcOid) {
            case InformationSchemaFunctions.PG_EXPANDARRAY -> EXPANDARRAY;
            case 2084 -> SHOW_ALL_SETTINGS;
            default -> null;
        };
    }
}
