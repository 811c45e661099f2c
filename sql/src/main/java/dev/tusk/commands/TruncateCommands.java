package dev.tusk.commands;

import dev.tusk.catalog.ConstraintDesc;
import dev.tusk.catalog.IndexDesc;
import dev.tusk.catalog.RelationDesc;
import dev.tusk.catalog.SequenceDesc;
import dev.tusk.nodes.DropBehavior;
import dev.tusk.nodes.RangeVar;
import dev.tusk.nodes.TruncateStmt;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** TRUNCATE [TABLE] t, ... [RESTART IDENTITY] [CASCADE] (PostgreSQL's ExecuteTruncate). */
public final class TruncateCommands {
    private TruncateCommands() {
    }

    public static String truncate(CommandContext ctx, TruncateStmt stmt) {
        Map<Integer, RelationDesc> rels = new LinkedHashMap<>();
        for (RangeVar rv : stmt.relations()) {
            RelationDesc r = ctx.catalog().resolveRelation(Constraints.qualified(rv), ctx.searchPath());
            if (!r.isTable()) {
                throw CommandErrors.wrongObjectType(r.name(), "a table");
            }
            rels.put(r.oid(), r);
        }
        boolean cascade = stmt.behavior() == DropBehavior.CASCADE;
        // Tables referencing a truncated table must be truncated too (CASCADE) or the command fails.
        boolean added = true;
        while (added) {
            added = false;
            for (RelationDesc other : ctx.catalog().listRelations()) {
                if (!other.isTable() || rels.containsKey(other.oid())) {
                    continue;
                }
                for (ConstraintDesc c : other.constraints()) {
                    if (c.isForeignKey() && rels.containsKey(c.refRelationOid())) {
                        if (!cascade) {
                            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED,
                                    "cannot truncate a table referenced in a foreign key constraint")
                                    .withDetail("Table \"" + other.name() + "\" references \""
                                            + rels.get(c.refRelationOid()).name() + "\".")
                                    .withHint("Truncate table \"" + other.name()
                                            + "\" at the same time, or use TRUNCATE ... CASCADE.");
                        }
                        ctx.notice(CommandErrors.notice(SqlState.SUCCESSFUL_COMPLETION,
                                "truncate cascades to table \"" + other.name() + "\""));
                        rels.put(other.oid(), other);
                        added = true;
                        break;
                    }
                }
            }
        }
        for (RelationDesc r : new ArrayList<>(rels.values())) {
            truncateOne(ctx, r, stmt.restartSeqs());
        }
        return "TRUNCATE TABLE";
    }

    /** New empty files for the table and each index (RelationSetNewRelfilenumber), indexes rebuilt empty. */
    static void truncateOne(CommandContext ctx, RelationDesc r, boolean restartIdentity) {
        ctx.writer().setNewRelfilenode(r.oid());
        for (IndexDesc idx : r.indexes()) {
            // The catalog builds the new, empty B-tree under the new relfilenode.
            ctx.writer().setNewRelfilenode(idx.oid());
        }
        if (restartIdentity) {
            for (var col : r.liveColumns()) {
                int seqOid = ctx.catalog().ownedSequence(r.oid(), col.attnum());
                if (seqOid != 0) {
                    RelationDesc seq = ctx.catalog().relation(seqOid);
                    SequenceDesc sd = ctx.catalog().sequence(seqOid);
                    Sequences.am(ctx.storage()).setval(seq.locator(), Sequences.params(sd), seq.name(), sd.start(),
                            false, null, ctx.transaction());
                }
            }
        }
    }
}
