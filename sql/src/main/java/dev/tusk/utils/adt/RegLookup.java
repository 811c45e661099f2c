package dev.tusk.utils.adt;

/**
 * Catalog access for the OID-alias types (regclass, regtype, regproc, regprocedure, regnamespace, regrole):
 * implemented by the catalog (H4) over the caller's current snapshot and search_path, reached through
 * {@link SessionFormats#regLookup()} or {@code FunctionContext.service(RegLookup.class)}.
 *
 * <p>The {@code *In} methods resolve a name the way PostgreSQL's {@code regclassin} etc. do (quoted
 * identifiers, schema qualification, search_path) and throw PostgreSQL's errors (42P01 relation "x" does not
 * exist, 42704 type "x" does not exist, 42883 function "x" does not exist, 3F000 schema "x" does not exist,
 * 42704 role "x" does not exist). Purely numeric input never reaches them. The {@code *Out} methods return the
 * name as PostgreSQL prints it (qualified only when not visible in the search path, quoted when needed), or
 * null when the OID has no row (the value then prints as its number).
 */
public interface RegLookup {
    int regclassIn(String name);

    String regclassOut(int oid);

    int regtypeIn(String name);

    String regtypeOut(int oid);

    /** regproc: a function name that must be unique. */
    int regprocIn(String name);

    String regprocOut(int oid);

    /** regprocedure: {@code name(argtype, ...)}. */
    int regprocedureIn(String signature);

    String regprocedureOut(int oid);

    int regnamespaceIn(String name);

    String regnamespaceOut(int oid);

    int regroleIn(String name);

    String regroleOut(int oid);
}
