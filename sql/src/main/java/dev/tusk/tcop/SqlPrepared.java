package dev.tusk.tcop;

import dev.tusk.commands.TypeResolver;
import dev.tusk.executor.ExecContext;
import dev.tusk.executor.PlannedQuery;
import dev.tusk.executor.PlannedStatement;
import dev.tusk.executor.RowCursor;
import dev.tusk.executor.modify.ModifyTable;
import dev.tusk.nodes.DeallocateStmt;
import dev.tusk.nodes.ExecuteStmt;
import dev.tusk.nodes.Expr;
import dev.tusk.nodes.PrepareStmt;
import dev.tusk.nodes.RawStmt;
import dev.tusk.nodes.ResTarget;
import dev.tusk.nodes.SelectStmt;
import dev.tusk.nodes.TypeCast;
import dev.tusk.nodes.TypeName;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQL-level PREPARE, EXECUTE and DEALLOCATE (PostgreSQL's commands/prepare.c). */
final class SqlPrepared {
    private final Map<String, PreparedStatementImpl> statements = new HashMap<>();

    /** PrepareQuery. */
    String prepare(TuskSession session, PrepareStmt stmt, String sql) {
        if (statements.containsKey(stmt.name())) {
            throw new TuskException(SqlState.DUPLICATE_PSTATEMENT,
                    "prepared statement \"" + stmt.name() + "\" already exists");
        }
        if (!CommandTags.isPlannable(stmt.query())) {
            throw new TuskException(SqlState.SYNTAX_ERROR, "syntax error at or near \""
                    + CommandTags.tagOf(stmt.query()).split(" ")[0] + "\"");
        }
        int[] types = new int[stmt.argtypes().size()];
        for (int i = 0; i < types.length; i++) {
            TypeName tn = stmt.argtypes().get(i);
            types[i] = TypeResolver.resolve(session.catalog(), tn, dev.tusk.commands.SearchPath.parse(
                    session.gucs().get("search_path")), false).type().oid();
        }
        PreparedStatementImpl ps = new PreparedStatementImpl(sql, new RawStmt(stmt.query(), 0, sql.length()), types,
                null);
        session.plan(ps);
        statements.put(stmt.name(), ps);
        return "PREPARE";
    }

    /** DEALLOCATE [PREPARE] name | ALL. */
    String deallocate(DeallocateStmt stmt) {
        if (stmt.name() == null) {
            statements.clear();
            return "DEALLOCATE ALL";
        }
        if (statements.remove(stmt.name()) == null) {
            throw new TuskException(SqlState.UNDEFINED_PSTATEMENT,
                    "prepared statement \"" + stmt.name() + "\" does not exist");
        }
        return "DEALLOCATE";
    }

    void clear() {
        statements.clear();
    }

    /** ExecuteQuery: the parameters evaluated and coerced to the declared types, then the plan run. */
    StatementRun execute(TuskSession session, ExecuteStmt stmt) {
        PreparedStatementImpl ps = statements.get(stmt.name());
        if (ps == null) {
            throw new TuskException(SqlState.UNDEFINED_PSTATEMENT,
                    "prepared statement \"" + stmt.name() + "\" does not exist");
        }
        PlannedStatement plan = session.plan(ps);
        int[] types = plan.paramTypes();
        if (stmt.params().size() != types.length) {
            throw new TuskException(SqlState.SYNTAX_ERROR,
                    "wrong number of parameters for prepared statement \"" + stmt.name() + "\"")
                    .withDetail("Expected " + types.length + " parameters but got " + stmt.params().size() + ".");
        }
        if (!(plan instanceof PlannedQuery) && session.xact().readOnly()) {
            throw XactErrors.readOnly(plan.commandName());
        }
        var snapshot = session.xact().transaction().statementSnapshot();
        Object[] values = evaluate(session, stmt.params(), types, snapshot);
        ExecContext ctx = session.execContext(snapshot, values);
        if (plan instanceof PlannedQuery q) {
            return new QueryRun(q, ctx);
        }
        return new RowsRun(plan.columns(), () -> {
            ModifyTable.Result r = ModifyTable.run(plan, ctx, plan.columns() != null);
            return new RowsRun.Outcome(r.tag(), r.returning());
        });
    }

    private static Object[] evaluate(TuskSession session, List<Expr> params, int[] types,
            dev.tusk.utils.time.Snapshot snapshot) {
        if (params.isEmpty()) {
            return new Object[0];
        }
        List<ResTarget> targets = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Expr e = params.get(i);
            String typeName = session.catalog().type(types[i]).name();
            targets.add(ResTarget.of(null, new TypeCast(e, TypeName.system(typeName, e.location()), e.location()),
                    e.location()));
        }
        SelectStmt select = new SelectStmt(null, null, targets, List.of(), null, List.of(), false, null, List.of(),
                List.of(), List.of(), null, null, SelectStmt.LimitOption.DEFAULT, List.of(), null,
                SelectStmt.SetOperation.NONE, false, null, null, -1);
        PlannedStatement p = dev.tusk.optimizer.QueryPlanner.plan(select, session.planning(new int[0]));
        try (RowCursor c = ((PlannedQuery) p).open(session.execContext(snapshot, new Object[0]))) {
            return c.next();
        }
    }
}
