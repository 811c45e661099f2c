package dev.tusk.parser.analyze;

import java.util.List;

/**
 * What CREATE VIEW stores: the output columns (names with the view's column aliases applied) and the
 * definition text as pg_get_viewdef prints it (e.g. {@code " SELECT t.a,\n    t.b\n   FROM t;"}), which is also
 * what the analyzer re-parses to expand the view.
 */
public record ViewDefinition(List<String> columnNames, List<Integer> columnTypes, List<Integer> columnTypmods,
        String definition) {
}
