package dev.tusk.utils.fmgr;

/**
 * The result of operator resolution: the operator, the types the left/right operands must be coerced to
 * (left 0 for prefix), and the concrete result type (polymorphic operators such as array || resolved).
 */
public record OperatorMatch(OperatorDef operator, int leftType, int rightType, int resultType) {
}
