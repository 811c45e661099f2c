package dev.tusk.nodes;

/**
 * A generic {@code name [=] value} option (PostgreSQL's {@code DefElem}), used by sequences, roles, databases,
 * COPY, EXPLAIN, transactions, VACUUM... {@code arg} is null for a bare option, else an {@link AConst}
 * (numbers, strings, and identifiers/keywords as {@link AConst.Literal.Str}), a {@link TypeName}, a
 * {@link NameList} or a {@link NodeList}. The option names follow PostgreSQL's grammar (see the parser classes
 * that build them, e.g. sequences: as, increment, minvalue, maxvalue, start, restart, cache, cycle, owned_by;
 * roles: password, superuser, createdb, createrole, inherit, canlogin, isreplication, bypassrls,
 * connectionlimit, validUntil, rolemembers...; transactions: transaction_isolation, transaction_read_only,
 * transaction_deferrable).
 */
public record DefElem(String defnamespace, String defname, Node arg, int location) implements Node {
    public static DefElem of(String name, Node arg, int location) {
        return new DefElem(null, name, arg, location);
    }
}
