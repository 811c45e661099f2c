package dev.tusk.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The definition of one system catalog table: its fixed OID (also its relfilenode, like PostgreSQL's bootstrap
 * relations), name, whether it is shared by all databases, and its columns.
 */
public record CatalogTable(int oid, String name, boolean shared, List<CatalogColumn> columns) {
    public CatalogTable {
        columns = List.copyOf(columns);
    }

    /** One column: name, pg_type OID and attnotnull. */
    public record CatalogColumn(String name, int typeOid, boolean notNull) {
    }

    /** Parses a {@code name:typeOid:t|f ...} column list. */
    static CatalogTable parse(int oid, String name, boolean shared, String spec) {
        List<CatalogColumn> cols = new ArrayList<>();
        for (String c : spec.trim().split("\\s+")) {
            String[] p = c.split(":");
            cols.add(new CatalogColumn(p[0], Integer.parseInt(p[1]), p[2].equals("t")));
        }
        return new CatalogTable(oid, name, shared, cols);
    }

    public int natts() {
        return columns.size();
    }

    /** 0-based index of column {@code name}; IllegalArgumentException if there is none. */
    public int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " has no column " + column);
    }
}
