package dev.tusk.utils.fmgr;

/** Collects the Java bodies of all built-in function libraries into one {@link ImplTable}. */
final class BuiltinLibraries {
    private BuiltinLibraries() {
    }

    static ImplTable all() {
        ImplTable t = new ImplTable();
        dev.tusk.utils.adt.BuiltinFunctions.registerAll(t);
        return t;
    }
}
