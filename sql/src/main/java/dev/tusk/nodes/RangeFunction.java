package dev.tusk.nodes;

import java.util.List;

/**
 * A function in FROM (PostgreSQL's {@code RangeFunction}), e.g. {@code generate_series(1, 3) AS g(i)}.
 * {@code functions} holds one expression per function (several only with ROWS FROM(...)); usually a
 * {@link FuncCall}, but the SQL-syntax functions (CURRENT_DATE, CAST...) are allowed too. {@code coldeflist} is
 * the {@code AS (a int, b text)} column definition list, empty if none.
 */
public record RangeFunction(boolean lateral, boolean ordinality, boolean isRowsfrom, List<Expr> functions,
        Alias alias, List<ColumnDef> coldeflist) implements FromItem {
    public RangeFunction {
        functions = List.copyOf(functions);
        coldeflist = List.copyOf(coldeflist);
    }
}
