package dev.tusk.optimizer;

import dev.tusk.catalog.Catalog;
import dev.tusk.utils.fmgr.FunctionContext;
import java.util.List;
import java.util.Objects;

/**
 * What parse analysis and planning need from the session (H6 builds one per statement it plans).
 *
 * @param catalog            the catalogs as the current transaction sees them (table/view lookup, types)
 * @param searchPath         the search_path setting as schema names ("$user" allowed, as {@link Catalog} takes it)
 * @param declaredParamTypes the parameter types the client declared (Parse message), 0 = infer; may be shorter
 *                           than the number of parameters used, or empty
 * @param functions          session facts: literals are converted with its {@code formats()} (DateStyle,
 *                           TimeZone, reg* lookups) at plan time, as PostgreSQL's parser does
 */
public record PlanningContext(Catalog catalog, List<String> searchPath, int[] declaredParamTypes,
        FunctionContext functions) {
    public PlanningContext {
        Objects.requireNonNull(catalog, "catalog");
        searchPath = List.copyOf(searchPath);
        declaredParamTypes = declaredParamTypes == null ? new int[0] : declaredParamTypes.clone();
        Objects.requireNonNull(functions, "functions");
    }

    /** The same context with other declared parameter types. */
    public PlanningContext withParamTypes(int[] types) {
        return new PlanningContext(catalog, searchPath, types, functions);
    }
}
