package dev.tusk.commands;

import dev.tusk.nodes.LockStmt;
import dev.tusk.nodes.RangeVar;
import dev.tusk.nodes.VacuumRelation;
import dev.tusk.nodes.VacuumStmt;

/**
 * VACUUM, ANALYZE and LOCK TABLE as far as Tusk has them (vacuum(), LockTableCommand).
 *
 * <p>Known gaps: VACUUM and ANALYZE only check that the named tables exist (42P01 otherwise) and do nothing
 * else — real VACUUM (pruning dead tuples, freezing, updating pg_class.relpages/reltuples and statistics)
 * comes in a later issue. LOCK TABLE checks the tables exist and takes no lock: every statement's row
 * changes are already serialised by the storage's tuple locks, so the explicit lock only documents intent.
 */
public final class MaintenanceCommands {
    private MaintenanceCommands() {
    }

    /** VACUUM / ANALYZE: resolves each named table; the caller already refused VACUUM in a block. */
    public static String vacuum(CommandContext ctx, VacuumStmt stmt) {
        for (VacuumRelation r : stmt.rels()) {
            if (r.relation() != null) {
                ctx.catalog().resolveRelation(Constraints.qualified(r.relation()), ctx.searchPath());
            }
        }
        return stmt.isVacuumcmd() ? "VACUUM" : "ANALYZE";
    }

    /** LOCK TABLE: resolves each table; the caller already required a transaction block. */
    public static String lock(CommandContext ctx, LockStmt stmt) {
        for (RangeVar rv : stmt.relations()) {
            ctx.catalog().resolveRelation(Constraints.qualified(rv), ctx.searchPath());
        }
        return "LOCK TABLE";
    }
}
