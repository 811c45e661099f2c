package dev.tusk.parser.analyze;

import dev.tusk.catalog.RelationDesc;
import java.util.List;

/**
 * An analyzed INSERT/UPDATE/DELETE. {@code source} produces the input rows: for INSERT the new rows (targets =
 * one expression per target column, attnum order, dropped columns a null Const); for UPDATE/DELETE the scan of
 * the target (range-table entry {@code targetRt}) joined with FROM/USING, its targets being every target column
 * (Vars) and then, for UPDATE, the new value of every column. {@code returning} expressions see the target
 * relation as range-table entry {@code targetRt} of {@code source} (for INSERT, a pseudo entry).
 */
public record DmlQuery(Kind kind, RelationDesc target, int targetRt, Query source, List<Integer> updatedAttnums,
        List<TargetEntry> returning, OnConflictSpec onConflict) {
    public enum Kind { INSERT, UPDATE, DELETE }

    public DmlQuery(Kind kind, RelationDesc target, int targetRt, Query source, List<Integer> updatedAttnums,
            List<TargetEntry> returning) {
        this(kind, target, targetRt, source, updatedAttnums, returning, null);
    }
}
