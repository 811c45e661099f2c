package dev.tusk.catalog;

import dev.tusk.utils.adt.PgType;
import dev.tusk.utils.adt.RegLookup;
import dev.tusk.utils.adt.TypeNames;
import dev.tusk.utils.adt.TypeRegistry;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;

/** The reg* types' name lookups (regproc.c) over the session's catalogs and search_path. */
public final class CatalogRegLookup implements RegLookup {
    private final SessionCatalog session;

    public CatalogRegLookup(SessionCatalog session) {
        this.session = session;
    }

    private Catalog catalog() {
        return session.catalog();
    }

    @Override
    public int regclassIn(String name) {
        return catalog().resolveRelation(QualifiedNames.parse(name), session.searchPath()).oid();
    }

    @Override
    public String regclassOut(int oid) {
        RelationDesc r = catalog().relation(oid);
        return r == null ? null : RuleUtils.relationName(catalog(), r, session.searchPath());
    }

    @Override
    public int regtypeIn(String name) {
        PgType t = TypeRegistry.builtin().byName(name).orElse(null);
        if (t == null) {
            List<String> parts = QualifiedNames.parse(name.replace("[]", ""));
            t = catalog().lookupType(parts, session.searchPath());
        }
        if (t == null) {
            throw CatalogErrors.typeDoesNotExist(name);
        }
        return t.oid();
    }

    @Override
    public String regtypeOut(int oid) {
        return TypeRegistry.builtin().byOid(oid).isPresent() ? TypeNames.format(oid) : null;
    }

    @Override
    public int regprocIn(String name) {
        List<String> parts = QualifiedNames.parse(name);
        List<ProcDesc> procs = catalog().functions(parts.getLast());
        if (procs.isEmpty()) {
            throw CatalogErrors.functionDoesNotExist(name);
        }
        if (procs.size() > 1) {
            throw new TuskException(SqlState.AMBIGUOUS_FUNCTION, "more than one function named \"" + name + "\"");
        }
        return procs.getFirst().oid();
    }

    @Override
    public String regprocOut(int oid) {
        ProcDesc p = catalog().function(oid);
        return p == null ? null : QualifiedNames.quote(p.name());
    }

    @Override
    public int regprocedureIn(String signature) {
        int open = signature.indexOf('(');
        if (open < 0 || !signature.trim().endsWith(")")) {
            throw new TuskException(SqlState.INVALID_TEXT_REPRESENTATION, "expected a left parenthesis");
        }
        String name = QualifiedNames.parse(signature.substring(0, open).trim()).getLast();
        String inner = signature.substring(open + 1, signature.lastIndexOf(')')).trim();
        List<Integer> args = new ArrayList<>();
        if (!inner.isEmpty()) {
            for (String a : inner.split(",")) {
                args.add(regtypeIn(a.trim()));
            }
        }
        for (ProcDesc p : catalog().functions(name)) {
            if (p.argTypes().equals(args)) {
                return p.oid();
            }
        }
        throw CatalogErrors.functionDoesNotExist(signature);
    }

    @Override
    public String regprocedureOut(int oid) {
        ProcDesc p = catalog().function(oid);
        if (p == null) {
            return null;
        }
        List<String> args = new ArrayList<>();
        for (int t : p.argTypes()) {
            args.add(TypeNames.format(t));
        }
        return QualifiedNames.quote(p.name()) + "(" + String.join(",", args) + ")";
    }

    @Override
    public int regnamespaceIn(String name) {
        List<String> parts = QualifiedNames.parse(name);
        if (parts.size() != 1) {
            throw new TuskException(SqlState.INVALID_NAME, "invalid name syntax");
        }
        NamespaceDesc n = catalog().namespace(parts.getFirst());
        if (n == null) {
            throw CatalogErrors.schemaDoesNotExist(parts.getFirst());
        }
        return n.oid();
    }

    @Override
    public String regnamespaceOut(int oid) {
        NamespaceDesc n = catalog().namespace(oid);
        return n == null ? null : QualifiedNames.quote(n.name());
    }

    @Override
    public int regroleIn(String name) {
        List<String> parts = QualifiedNames.parse(name);
        if (parts.size() != 1) {
            throw new TuskException(SqlState.INVALID_NAME, "invalid name syntax");
        }
        RoleDesc r = catalog().role(parts.getFirst());
        if (r == null) {
            throw CatalogErrors.roleDoesNotExist(parts.getFirst());
        }
        return r.oid();
    }

    @Override
    public String regroleOut(int oid) {
        RoleDesc r = catalog().role(oid);
        return r == null ? null : QualifiedNames.quote(r.name());
    }
}
