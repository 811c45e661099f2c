package dev.tusk.utils.adt;

import dev.tusk.utils.fmgr.ImplTable;

/** Entry point that lets every function library of this package add its bodies. */
public final class BuiltinFunctions {
    private BuiltinFunctions() {
    }

    /** Called once by the function registry at start. */
    public static void registerAll(ImplTable t) {
        CompareFunctions.register(t);
        MathFunctions.register(t);
        MathExtras.register(t);
        StringFunctions.register(t);
        ByteaFunctions.register(t);
        PatternFunctions.register(t);
        RegexpFunctions.register(t);
        DateTimeFunctions.register(t);
        AggregateFunctions.register(t);
        StatisticAggregates.register(t);
        JsonFunctions.register(t);
        ArrayFunctions.register(t);
        MiscFunctions.register(t);
        FormattingFunctions.register(t);
    }
}
