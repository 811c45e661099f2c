package dev.tusk.nodes;

import java.util.List;

/** A function/operator reference with argument types, e.g. f(int, text) (PostgreSQL's {@code ObjectWithArgs});
 * argsUnspecified when written without parentheses. */
public record ObjectWithArgs(List<String> objname, List<TypeName> objargs, boolean argsUnspecified) implements Node {
    public ObjectWithArgs {
        objname = List.copyOf(objname);
        objargs = List.copyOf(objargs);
    }
}
