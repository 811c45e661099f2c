package dev.tusk.executor;

import dev.tusk.catalog.RelationDesc;
import java.util.Objects;
import java.util.Set;

/**
 * A planned INSERT (VALUES, multi-row VALUES, DEFAULT VALUES, or INSERT ... SELECT). {@link #open} yields the
 * complete new rows; H6's {@code executor.modify} writes them (heap, indexes, NOT NULL/CHECK/UNIQUE/FK).
 *
 * <p>Each row has one entry per column of {@link #target()} in attnum order ({@code RelationDesc.columns()},
 * dropped columns included as null), SQL value carriers. Already done here: column defaults for omitted columns
 * and DEFAULT (serial's {@code nextval}, identity columns' sequence, constant defaults; NULL when no default),
 * assignment coercion to the column type with its typmod (varchar(n) 22001, numeric(p,s) rounding/22003),
 * and 428C9 {@code cannot insert a non-DEFAULT value into column "x"} for GENERATED ALWAYS identity columns.
 * Not done here: NOT NULL and CHECK (H6 checks them on the complete row).
 */
public final class PlannedInsert extends PlannedDml implements PlannedStatement {
    private final RelationDesc target;
    private final Plan source;
    private final OnConflict onConflict;

    public PlannedInsert(RelationDesc target, Plan source, Returning returning, int[] paramTypes,
            Set<Integer> relationOids) {
        this(target, source, returning, paramTypes, relationOids, null);
    }

    public PlannedInsert(RelationDesc target, Plan source, Returning returning, int[] paramTypes,
            Set<Integer> relationOids, OnConflict onConflict) {
        super(returning, paramTypes, relationOids);
        this.onConflict = onConflict;
        this.target = Objects.requireNonNull(target, "target");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The table written to. */
    public RelationDesc target() {
        return target;
    }

    /** The new rows, lazily (an INSERT ... SELECT streams). */
    public DmlSource<Object[]> open(ExecContext ctx) {
        PlanCursor c = new PlanCursor(source, ctx);
        return new DmlSource<>() {
            @Override
            public Object[] next() {
                return c.next();
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }

    /** The compiled ON CONFLICT clause, or null when the INSERT has none. */
    public OnConflict onConflict() {
        return onConflict;
    }

    @Override
    public String commandName() {
        return "INSERT";
    }
}
