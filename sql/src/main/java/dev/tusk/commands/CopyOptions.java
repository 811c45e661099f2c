package dev.tusk.commands;

import dev.tusk.nodes.AConst;
import dev.tusk.nodes.DefElem;
import dev.tusk.nodes.Node;
import dev.tusk.nodes.NodeList;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** COPY's options (PostgreSQL's ProcessCopyOptions): format, delimiter, NULL string, header, quote, escape. */
public record CopyOptions(boolean csv, boolean binary, char delimiter, String nullString, boolean header,
                          char quote, char escape, List<String> forceQuote, boolean forceQuoteAll) {

    public static CopyOptions parse(List<DefElem> options) {
        String format = "text";
        Character delimiter = null;
        String nullString = null;
        boolean header = false;
        Character quote = null;
        Character escape = null;
        List<String> forceQuote = new ArrayList<>();
        boolean forceQuoteAll = false;
        for (DefElem d : options) {
            switch (d.defname()) {
                case "format" -> format = text(d.arg()).toLowerCase(Locale.ROOT);
                case "delimiter" -> delimiter = oneChar("COPY delimiter", text(d.arg()));
                case "null" -> nullString = text(d.arg());
                case "header" -> header = d.arg() == null || truthy(d.arg());
                case "quote" -> quote = oneChar("COPY quote", text(d.arg()));
                case "escape" -> escape = oneChar("COPY escape", text(d.arg()));
                case "force_quote" -> {
                    if (d.arg() instanceof NodeList nl) {
                        for (Node n : nl.items()) {
                            forceQuote.add(text(n));
                        }
                    } else if (d.arg() instanceof dev.tusk.nodes.NameList nl) {
                        forceQuote.addAll(nl.names());
                    } else {
                        forceQuoteAll = true;
                    }
                }
                case "oids" -> throw new TuskException(SqlState.SYNTAX_ERROR, "option \"oids\" not recognized");
                default -> {
                }
            }
        }
        boolean csv = format.equals("csv");
        boolean binary = format.equals("binary");
        if (!csv && !binary && !format.equals("text")) {
            throw new TuskException(SqlState.INVALID_PARAMETER_VALUE, "COPY format \"" + format + "\" not recognized");
        }
        if (binary && delimiter != null) {
            throw new TuskException(SqlState.SYNTAX_ERROR, "cannot specify DELIMITER in BINARY mode");
        }
        if (binary && nullString != null) {
            throw new TuskException(SqlState.SYNTAX_ERROR, "cannot specify NULL in BINARY mode");
        }
        if (binary && header) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "cannot specify HEADER in BINARY mode");
        }
        if (!csv && (quote != null)) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "COPY quote available only in CSV mode");
        }
        if (!csv && (escape != null)) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "COPY escape available only in CSV mode");
        }
        char delim = delimiter != null ? delimiter : csv ? ',' : '\t';
        char q = quote != null ? quote : '"';
        return new CopyOptions(csv, binary, delim, nullString != null ? nullString : csv ? "" : "\\N", header, q,
                escape != null ? escape : q, forceQuote, forceQuoteAll);
    }

    private static char oneChar(String what, String s) {
        if (s.length() != 1) {
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, what + " must be a single one-byte character");
        }
        return s.charAt(0);
    }

    private static boolean truthy(Node n) {
        if (n instanceof AConst c) {
            return switch (c.value()) {
                case AConst.Literal.Bool b -> b.value();
                case AConst.Literal.Int i -> i.value() != 0;
                case AConst.Literal.Str s -> Boolean.TRUE.equals(dev.tusk.utils.misc.GucValues.parseBool(s.value()));
                default -> true;
            };
        }
        return true;
    }

    static String text(Node n) {
        if (n instanceof AConst c) {
            return switch (c.value()) {
                case AConst.Literal.Str s -> s.value();
                case AConst.Literal.Int i -> Integer.toString(i.value());
                case AConst.Literal.Bool b -> b.value() ? "true" : "false";
                default -> String.valueOf(c.value());
            };
        }
        return String.valueOf(n);
    }
}
