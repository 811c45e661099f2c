package dev.tusk.tcop;

import dev.tusk.nodes.ExplainStmt;
import dev.tusk.nodes.Stmt;
import dev.tusk.nodes.VariableShowStmt;
import dev.tusk.utils.adt.TypeOids;
import dev.tusk.utils.misc.GucSession;
import java.util.List;

/** The row shape of utility statements that return rows (UtilityTupleDescriptor): SHOW and EXPLAIN. */
final class UtilityShapes {
    private UtilityShapes() {
    }

    static ResultColumn textColumn(String name) {
        return new ResultColumn(name, 0, (short) 0, TypeOids.TEXT, (short) -1, -1, (short) 0);
    }

    static List<ResultColumn> columnsOf(Stmt stmt, GucSession gucs) {
        return switch (stmt) {
            case VariableShowStmt s -> s.name().equalsIgnoreCase("all")
                    ? List.of(textColumn("name"), textColumn("setting"), textColumn("description"))
                    : List.of(textColumn(showColumnName(s.name(), gucs)));
            case ExplainStmt s -> List.of(textColumn("QUERY PLAN"));
            default -> null;
        };
    }

    /** SHOW's column is named as the setting is defined (SHOW timezone -> "TimeZone"). */
    static String showColumnName(String name, GucSession gucs) {
        return gucs.table().find(name).map(d -> d.name()).orElse(name);
    }
}
