package dev.tusk.catalog;

import java.util.List;

/**
 * A table, view, sequence or composite type to create.
 *
 * @param persistence 'p' permanent, 'u' unlogged, 't' temporary
 */
public record NewRelation(String name, int namespaceOid, int ownerOid, char persistence, List<NewColumn> columns) {
    public NewRelation {
        columns = List.copyOf(columns);
    }
}
