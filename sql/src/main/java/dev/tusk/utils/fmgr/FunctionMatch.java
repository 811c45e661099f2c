package dev.tusk.utils.fmgr;

/**
 * The result of function overload resolution: the function, the types each actual argument must be coerced
 * to (polymorphic parameters replaced by the actual types; the expanded element type for variadic positions),
 * the concrete result type, and whether the trailing arguments from {@code variadicFrom} on must be packed into
 * one array of type {@code variadicArrayType} before the call (VARIADIC with element arguments).
 */
public record FunctionMatch(FunctionDef function, int[] coerceArgTypes, int returnType, int variadicFrom,
        int variadicArrayType) {
    /** True when trailing arguments must be packed into an array (variadicFrom >= 0). */
    public boolean packsVariadic() {
        return variadicFrom >= 0;
    }
}
