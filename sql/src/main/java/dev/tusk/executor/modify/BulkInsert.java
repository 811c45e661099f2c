package dev.tusk.executor.modify;

import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.ExecContext;

/**
 * Inserting rows that do not come from an INSERT plan (COPY FROM, CREATE TABLE AS): each row goes through the
 * same constraint checks, heap insert and index maintenance as INSERT; foreign keys are checked by
 * {@link #finish()}.
 */
public final class BulkInsert {
    private final ModifyState state;
    private final RelationWriter writer;
    private long count;

    public BulkInsert(RelationDesc target, ExecContext ctx) {
        this.state = new ModifyState(ctx);
        this.writer = state.writer(target);
    }

    /** One complete row (attnum order, dropped columns null, SQL carriers). */
    public void insert(Object[] row) {
        writer.insert(row);
        count++;
    }

    public long count() {
        return count;
    }

    /** The end of the statement: foreign-key checks. */
    public void finish() {
        state.finish();
    }
}
