package dev.tusk.tcop;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.DefElem;
import dev.tusk.nodes.Node;
import dev.tusk.nodes.TypeCast;
import dev.tusk.nodes.VariableSetStmt;
import dev.tusk.nodes.VariableShowStmt;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import dev.tusk.utils.misc.GucDef;
import dev.tusk.utils.misc.GucErrors;
import dev.tusk.utils.misc.GucSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** SET, RESET and SHOW (guc.c's ExecSetVariableStmt, GetPGVariable, ShowAllGUCConfig). */
final class SetStatements {
    private SetStatements() {
    }

    static String set(TuskSession session, VariableSetStmt stmt) {
        GucSession gucs = session.gucs();
        TransactionBlock xact = session.xact();
        boolean su = session.superuser();
        if (stmt.isLocal() && !xact.inBlock()) {
            session.addNotice(GucErrors.setLocalOutsideBlock("SET LOCAL"));
        }
        switch (stmt.kind()) {
            case RESET_ALL -> {
                gucs.resetAll(su);
                return "RESET";
            }
            case RESET -> {
                if (isTransactionSetting(stmt.name())) {
                    return "RESET";
                }
                gucs.reset(stmt.name(), su);
                return "RESET";
            }
            case MULTI -> {
                List<DefElem> modes = new ArrayList<>();
                for (Node n : stmt.args()) {
                    if (n instanceof DefElem d) {
                        modes.add(d);
                    }
                }
                if (stmt.name().equals("TRANSACTION")) {
                    if (!xact.inBlock()) {
                        session.addNotice(GucErrors.setLocalOutsideBlock("SET TRANSACTION"));
                    }
                    TransactionStatements.applyModes(xact, modes);
                } else {
                    for (DefElem d : modes) {
                        switch (d.defname()) {
                            case "transaction_isolation" -> gucs.set("default_transaction_isolation",
                                    TransactionStatements.text(d.arg()), false, su);
                            case "transaction_read_only" -> gucs.set("default_transaction_read_only",
                                    TransactionStatements.bool(d.arg()) ? "on" : "off", false, su);
                            case "transaction_deferrable" -> gucs.set("default_transaction_deferrable",
                                    TransactionStatements.bool(d.arg()) ? "on" : "off", false, su);
                            default -> {
                            }
                        }
                    }
                }
                return "SET";
            }
            case CURRENT -> throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "SET FROM CURRENT is not supported");
            case DEFAULT -> {
                if (!isTransactionSetting(stmt.name())) {
                    gucs.set(stmt.name(), null, stmt.isLocal(), su);
                }
                return "SET";
            }
            case VALUE -> {
                String name = stmt.name();
                GucDef def = gucs.def(name, true);
                String value = flatten(def, stmt.args());
                switch (def.name()) {
                    case "transaction_isolation" -> {
                        gucs.validate(name, value, su);
                        if (!xact.inBlock()) {
                            session.addNotice(GucErrors.setLocalOutsideBlock("SET TRANSACTION"));
                        }
                        xact.setIsolation(TransactionBlock.parseIsolation(value));
                    }
                    case "transaction_read_only", "transaction_deferrable" -> {
                        Boolean b = dev.tusk.utils.misc.GucValues.parseBool(value);
                        if (b == null) {
                            throw GucErrors.requiresBoolean(name);
                        }
                        if (def.name().equals("transaction_deferrable")) {
                            xact.setDeferrable(b);
                        } else {
                            xact.setReadOnly(b);
                        }
                    }
                    case "seed" -> {
                        double seed = Double.parseDouble(value);
                        if (seed < -1 || seed > 1) {
                            throw GucErrors.outOfRange(value, name, "-1", "1");
                        }
                        session.functions().seed(Double.doubleToLongBits(seed));
                    }
                    default -> gucs.set(name, value, stmt.isLocal(), su);
                }
                return "SET";
            }
        }
        return "SET";
    }

    private static boolean isTransactionSetting(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("transaction_isolation") || n.equals("transaction_read_only")
                || n.equals("transaction_deferrable");
    }

    /** flatten_set_variable_args: the SET arguments as one setting string. */
    static String flatten(GucDef def, List<Node> args) {
        StringBuilder sb = new StringBuilder();
        for (Node n : args) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            if (n instanceof TypeCast tc && tc.arg() instanceof AConst c && c.value() instanceof AConst.Literal.Str s) {
                sb.append(s.value());
                continue;
            }
            if (!(n instanceof AConst c)) {
                throw new TuskException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + n + "\"");
            }
            switch (c.value()) {
                case AConst.Literal.Str s -> sb.append(def.listQuote() ? quoteIdentifier(s.value()) : s.value());
                case AConst.Literal.Int i -> sb.append(i.value());
                case AConst.Literal.BigInt i -> sb.append(i.value());
                case AConst.Literal.Numeric num -> sb.append(num.text());
                case AConst.Literal.Bool b -> sb.append(b.value() ? "true" : "false");
                default -> sb.append(c.value());
            }
        }
        return sb.toString();
    }

    /** quote_identifier: double-quotes a name unless it is a plain lower-case identifier. */
    static String quoteIdentifier(String s) {
        boolean safe = !s.isEmpty() && (Character.isLowerCase(s.charAt(0)) || s.charAt(0) == '_');
        for (int i = 0; i < s.length() && safe; i++) {
            char c = s.charAt(i);
            safe = Character.isLowerCase(c) || Character.isDigit(c) || c == '_' || c == '$';
        }
        dev.tusk.parser.Keywords.Keyword kw = safe ? dev.tusk.parser.Keywords.lookup(s) : null;
        if (safe && (kw == null || kw.category() == dev.tusk.parser.Keywords.Category.UNRESERVED)) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static RowsRun.Outcome show(TuskSession session, VariableShowStmt stmt) {
        GucSession gucs = session.gucs();
        if (stmt.name().equalsIgnoreCase("all")) {
            List<Object[]> rows = new ArrayList<>();
            for (GucSession.SettingRow r : gucs.all()) {
                rows.add(new Object[] {r.def().name(), r.shown(), r.def().shortDesc()});
            }
            return new RowsRun.Outcome("SHOW", rows);
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {gucs.show(stmt.name())});
        return new RowsRun.Outcome("SHOW", rows);
    }
}
