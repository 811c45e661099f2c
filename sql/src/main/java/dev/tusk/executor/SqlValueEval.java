package dev.tusk.executor;

import dev.tusk.parser.analyze.TypedExpr;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The SQL-standard niladic functions (PostgreSQL's ExecEvalSQLValueFunction), all fixed per transaction. */
final class SqlValueEval {
    private SqlValueEval() {
    }

    static Evaluator compile(TypedExpr.SqlValue v) {
        return switch (v.op()) {
            case CURRENT_DATE -> (row, st) -> local(st).toLocalDate();
            case CURRENT_TIMESTAMP, CURRENT_TIMESTAMP_N -> (row, st) -> st.context().functions().transactionTimestamp();
            case LOCALTIMESTAMP, LOCALTIMESTAMP_N -> (row, st) -> local(st);
            case LOCALTIME, LOCALTIME_N, CURRENT_TIME, CURRENT_TIME_N -> (row, st) -> local(st).toLocalTime();
            case CURRENT_ROLE, CURRENT_USER, USER -> (row, st) -> st.context().functions().currentUser();
            case SESSION_USER -> (row, st) -> st.context().functions().sessionUser();
            case CURRENT_CATALOG -> (row, st) -> st.context().functions().currentDatabase();
            case CURRENT_SCHEMA -> throw new IllegalStateException("CURRENT_SCHEMA is resolved by the analyzer");
        };
    }

    private static LocalDateTime local(ExecState st) {
        ZoneId zone = st.context().functions().formats().timeZone();
        return LocalDateTime.ofInstant(st.context().functions().transactionTimestamp(), zone);
    }
}
