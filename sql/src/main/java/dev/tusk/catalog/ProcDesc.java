package dev.tusk.catalog;

import java.util.List;

/** The identity of one {@code pg_proc} row, for regproc/regprocedure and \df. */
public record ProcDesc(int oid, String name, int namespaceOid, List<Integer> argTypes, int returnType,
        boolean returnsSet, char kind) {
    public ProcDesc {
        argTypes = List.copyOf(argTypes);
    }
}
