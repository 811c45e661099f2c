package dev.tusk.executor.modify;

import dev.tusk.access.heap.HeapAm;
import dev.tusk.catalog.ConstraintDesc;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.executor.ExecContext;
import dev.tusk.utils.adt.SessionFormats;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One DML statement's shared state (PostgreSQL's EState with its after-trigger queue): the writers of every
 * relation it touches and the foreign-key work queued by them. Foreign keys are checked and their actions run
 * at the end of the statement, after a command-counter increment, as PostgreSQL's RI triggers fire
 * (AfterTriggerEndQuery) — so rows the statement itself inserted satisfy references made by the same statement.
 */
final class ModifyState {
    /** A new or changed referencing row whose FK must point at an existing key. */
    record OutgoingCheck(RelationWriter writer, ConstraintDesc fk, Object[] row) {}

    /** A referenced row deleted ({@code newRow} null) or updated. */
    record ReferencedChange(RelationWriter writer, Object[] oldRow, Object[] newRow) {}

    private ExecContext ctx;
    private final HeapAm heap;
    private final Map<Integer, RelationWriter> writers = new HashMap<>();
    private final Deque<OutgoingCheck> outgoing = new ArrayDeque<>();
    private final Deque<ReferencedChange> referenced = new ArrayDeque<>();
    private Map<Integer, List<ConstraintDesc>> incomingByTable;

    ModifyState(ExecContext ctx) {
        this.ctx = ctx;
        this.heap = ctx.heap();
    }

    ExecContext ctx() {
        return ctx;
    }

    HeapAm heap() {
        return heap;
    }

    SessionFormats formats() {
        return ctx.functions().formats();
    }

    RelationWriter writer(RelationDesc rel) {
        return writers.computeIfAbsent(rel.oid(), k -> new RelationWriter(this, rel));
    }

    RelationWriter writer(int relOid) {
        RelationWriter w = writers.get(relOid);
        return w != null ? w : writer(ctx.catalog().relation(relOid));
    }

    void queueOutgoingChecks(RelationWriter w, Object[] newRow, Object[] oldRow) {
        for (ConstraintDesc c : w.relation().constraints()) {
            if (!c.isForeignKey()) {
                continue;
            }
            if (oldRow != null && !ForeignKeys.keyChanged(w.relation(), c.keyAttnums(), oldRow, newRow)) {
                continue;
            }
            outgoing.add(new OutgoingCheck(w, c, newRow));
        }
    }

    void queueReferencedChange(RelationWriter w, Object[] oldRow, Object[] newRow) {
        if (!incoming(w.relation().oid()).isEmpty()) {
            referenced.add(new ReferencedChange(w, oldRow, newRow));
        }
    }

    /** Foreign keys of other tables (or this one) that reference {@code relOid}. */
    List<ConstraintDesc> incoming(int relOid) {
        if (incomingByTable == null) {
            incomingByTable = new HashMap<>();
            for (RelationDesc r : ctx.catalog().listRelations()) {
                if (!r.isTable()) {
                    continue;
                }
                for (ConstraintDesc c : r.constraints()) {
                    if (c.isForeignKey()) {
                        incomingByTable.computeIfAbsent(c.refRelationOid(), k -> new ArrayList<>()).add(c);
                    }
                }
            }
        }
        return incomingByTable.getOrDefault(relOid, List.of());
    }

    /** AfterTriggerEndQuery: runs the queued foreign-key work until none is left. */
    void finish() {
        while (!outgoing.isEmpty() || !referenced.isEmpty()) {
            ctx.transaction().commandCounterIncrement();
            ctx = new ExecContext(ctx.storage(), ctx.transaction(), ctx.transaction().statementSnapshot(),
                    ctx.catalog(), ctx.functions(), ctx.params(), ctx.cancelRequested());
            List<ReferencedChange> changes = new ArrayList<>(referenced);
            referenced.clear();
            for (ReferencedChange ch : changes) {
                ForeignKeys.referencedRowChanged(this, ch);
            }
            List<OutgoingCheck> checks = new ArrayList<>(outgoing);
            outgoing.clear();
            for (OutgoingCheck c : checks) {
                ForeignKeys.checkReference(this, c);
            }
        }
    }
}
