package dev.tusk.commands;

import dev.tusk.access.heap.HeapAm;
import dev.tusk.access.heap.HeapScan;
import dev.tusk.access.heap.HeapTuple;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.ExecContext;
import dev.tusk.executor.modify.BulkInsert;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * ATRewriteTable: reads every row, gives the table (and its indexes) new empty files, applies the catalog
 * change, and writes the rows back transformed, through the normal constraint and index path. Used when the
 * stored row shape changes (ALTER COLUMN TYPE, ADD COLUMN with a default).
 */
final class TableRewrite {
    private TableRewrite() {
    }

    static void rewrite(CommandContext ctx, RelationDesc rel, Consumer<CommandContext> catalogChange,
            UnaryOperator<Object[]> transform) {
        List<Object[]> rows = new ArrayList<>();
        HeapAm heap = new HeapAm(ctx.storage().buffers(), ctx.storage().smgr(), ctx.storage().transactions());
        try (HeapScan scan = heap.scan(rel.heapRelation(), ctx.transaction().currentSnapshot())) {
            while (scan.hasNext()) {
                HeapTuple t = scan.next();
                rows.add(Constraints.sqlRow(rel, t.values()));
            }
        }
        TruncateCommands.truncateOne(ctx, rel, false);
        catalogChange.accept(ctx);
        RelationDesc fresh = ctx.catalog().relation(rel.oid());
        ExecContext ec = ctx.exec(ctx.transaction().currentSnapshot(), new Object[0]);
        BulkInsert ins = new BulkInsert(fresh, ec);
        for (Object[] old : rows) {
            Object[] row = new Object[fresh.columns().size()];
            System.arraycopy(old, 0, row, 0, Math.min(old.length, row.length));
            ins.insert(transform.apply(row));
        }
        ins.finish();
    }
}
