package dev.tusk.parser.analyze;

import dev.tusk.catalog.IndexDesc;
import dev.tusk.nodes.OnConflictClause;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The analyzed ON CONFLICT clause of an INSERT (PostgreSQL's OnConflictExpr). Expressions see two range entries:
 * 0 = the existing conflicting row of the target table, 1 = {@code excluded} (the row proposed for insertion).
 *
 * @param action         DO NOTHING or DO UPDATE
 * @param arbiters       the unique indexes that define a conflict; empty = any unique index (DO NOTHING only)
 * @param setValues      DO UPDATE: per column in attnum order, the new value, or null to keep the existing one
 * @param where          DO UPDATE's WHERE, or null
 * @param updatedAttnums the SET columns
 */
public record OnConflictSpec(OnConflictClause.Action action, List<IndexDesc> arbiters, List<TypedExpr> setValues,
        TypedExpr where, List<Integer> updatedAttnums) {
    public OnConflictSpec {
        arbiters = List.copyOf(arbiters);
        setValues = Collections.unmodifiableList(new ArrayList<>(setValues));
        updatedAttnums = List.copyOf(updatedAttnums);
    }
}
