package dev.tusk.utils.misc;

import java.util.List;

/**
 * One setting's definition (PostgreSQL's {@code config_generic} and its typed variants): name as PostgreSQL
 * spells it, type, base unit (empty when none), context, pg_settings category and descriptions, bounds, enum
 * values, the built-in default (in base units for numbers), and the flags that matter here.
 *
 * @param report     GUC_REPORT: the client hears about every change through ParameterStatus
 * @param noShowAll  GUC_NO_SHOW_ALL: hidden from SHOW ALL and pg_settings
 * @param listQuote  GUC_LIST_QUOTE: list elements given as identifiers are double-quoted when needed
 */
public record GucDef(String name, GucType type, String unit, GucContext context, String category,
                     String shortDesc, String extraDesc, String minVal, String maxVal, List<String> enumVals,
                     String bootVal, boolean report, boolean noShowAll, boolean listQuote) {
    public GucDef {
        enumVals = List.copyOf(enumVals);
    }

    public boolean hasUnit() {
        return !unit.isEmpty();
    }
}
