package dev.tusk.libpq;

import java.util.List;

/** The frontend messages of an established session (protocol 3.0), as {@link MessageDecoder} decodes them. */
public sealed interface FrontendMessage {
    record Query(String sql) implements FrontendMessage {
    }

    record Parse(String statement, String sql, int[] paramTypeOids) implements FrontendMessage {
    }

    /** Bind: parameter values (null = SQL NULL) with their format codes, and the result format codes. */
    record Bind(String portal, String statement, short[] paramFormats, List<byte[]> params, short[] resultFormats)
            implements FrontendMessage {
    }

    /** Describe: kind 'S' (statement) or 'P' (portal). */
    record Describe(char kind, String name) implements FrontendMessage {
    }

    /** Execute: maxRows 0 = all. */
    record Execute(String portal, int maxRows) implements FrontendMessage {
    }

    /** Close: kind 'S' or 'P'. */
    record Close(char kind, String name) implements FrontendMessage {
    }

    record Sync() implements FrontendMessage {
    }

    record Flush() implements FrontendMessage {
    }

    record Terminate() implements FrontendMessage {
    }

    record CopyData(byte[] data) implements FrontendMessage {
    }

    record CopyDone() implements FrontendMessage {
    }

    record CopyFail(String message) implements FrontendMessage {
    }

    /** FunctionCall ('F'): the fastpath interface, not offered. */
    record FunctionCall() implements FrontendMessage {
    }
}
