package dev.tusk.nodes;

import java.util.List;

/**
 * CREATE [OR REPLACE] FUNCTION/PROCEDURE name (params) [RETURNS type | RETURNS TABLE (...)] options
 * (PostgreSQL's {@code CreateFunctionStmt}). Parameters are ColumnDef-like pairs kept as {@link FunctionParameter}
 * records inside {@code parameters}; options as DefElems: language (Str), as (NodeList of Str: body [, link
 * symbol]), volatility (Str), strict (Bool), security (Bool), ... Parsed so that scripts defining functions
 * get past the parser; whether they can be created is the command layer's business.
 */
public record CreateFunctionStmt(boolean isProcedure, boolean replace, List<String> funcname,
        List<FunctionParameter> parameters, TypeName returnType, List<DefElem> options) implements Stmt {
    public CreateFunctionStmt {
        funcname = List.copyOf(funcname);
        parameters = List.copyOf(parameters);
        options = List.copyOf(options);
    }

    /** One parameter: [mode] [name] type [DEFAULT expr]; mode 'i' IN, 'o' OUT, 'b' INOUT, 'v' VARIADIC, 't' TABLE. */
    public record FunctionParameter(String name, TypeName argType, char mode, Expr defexpr) {
    }
}
