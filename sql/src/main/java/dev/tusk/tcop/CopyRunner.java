package dev.tusk.tcop;

import dev.tusk.catalog.RelationDesc;
import dev.tusk.commands.CommandContext;
import dev.tusk.commands.CopyFrom;
import dev.tusk.commands.CopyOptions;
import dev.tusk.commands.CopyTo;
import dev.tusk.nodes.CopyStmt;
import dev.tusk.nodes.RangeVar;
import dev.tusk.utils.error.SqlState;
import dev.tusk.utils.error.TuskException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** COPY (PostgreSQL's DoCopy): FROM STDIN through the CopyIn sub-protocol, TO STDOUT as CopyData, or server files. */
final class CopyRunner {
    private static final String ANYONE_HINT =
            "Anyone can COPY to stdout or from stdin. psql's \\copy command also works for anyone.";

    private CopyRunner() {
    }

    static StatementRun create(TuskSession session, CopyStmt stmt, String sql) {
        CommandContext ctx = session.commandContext();
        CopyOptions o = CopyOptions.parse(stmt.options());
        if (stmt.isProgram()) {
            if (!session.superuser()) {
                throw new TuskException(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser or have privileges of the "
                        + "pg_execute_server_program role to COPY to or from an external program")
                        .withHint(ANYONE_HINT);
            }
            throw new TuskException(SqlState.FEATURE_NOT_SUPPORTED, "COPY to or from an external program is not supported");
        }
        if (stmt.filename() != null && !session.superuser()) {
            throw new TuskException(SqlState.INSUFFICIENT_PRIVILEGE, stmt.isFrom()
                    ? "must be superuser or have privileges of the pg_read_server_files role to COPY from a file"
                    : "must be superuser or have privileges of the pg_write_server_files role to COPY to a file")
                    .withHint(ANYONE_HINT);
        }
        return stmt.isFrom() ? from(ctx, stmt, o) : to(ctx, stmt, o);
    }

    private static RelationDesc relation(CommandContext ctx, RangeVar rv) {
        List<String> name = new ArrayList<>();
        if (rv.schemaname() != null) {
            name.add(rv.schemaname());
        }
        name.add(rv.relname());
        return ctx.catalog().resolveRelation(name, ctx.searchPath());
    }

    private static StatementRun from(CommandContext ctx, CopyStmt stmt, CopyOptions o) {
        RelationDesc rel = relation(ctx, stmt.relation());
        if (!rel.isTable()) {
            throw new TuskException(SqlState.WRONG_OBJECT_TYPE, "cannot copy to "
                    + (rel.isView() ? "view" : rel.relkind() == 'S' ? "sequence" : "relation") + " \"" + rel.name()
                    + "\"");
        }
        List<Integer> attnums = CopyTo.columnList(rel, stmt.attlist());
        CopyFrom copy = new CopyFrom(ctx, rel, attnums, o);
        if (stmt.filename() != null) {
            return run(() -> {
                Path path = Path.of(stmt.filename());
                try (InputStream in = Files.newInputStream(path)) {
                    byte[] buf = new byte[65536];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        copy.data(java.util.Arrays.copyOf(buf, n));
                    }
                } catch (NoSuchFileException e) {
                    throw new TuskException(SqlState.UNDEFINED_FILE, "could not open file \"" + stmt.filename()
                            + "\" for reading: No such file or directory")
                            .withHint("COPY FROM instructs the PostgreSQL server process to read a file. You may want "
                                    + "a client-side facility such as psql's \\copy.");
                } catch (IOException e) {
                    throw new TuskException(SqlState.IO_ERROR, "could not read from COPY file: " + e.getMessage());
                }
                return new ExecutionResult.Completed("COPY " + copy.finish());
            });
        }
        short columns = (short) attnums.size();
        return run(() -> new ExecutionResult.CopyInStarted((short) (o.binary() ? 1 : 0), columns,
                new ExecutionResult.CopyIn() {
                    @Override
                    public void data(byte[] chunk) {
                        copy.data(chunk);
                    }

                    @Override
                    public String finish() {
                        return "COPY " + copy.finish();
                    }

                    @Override
                    public void fail(String message) {
                        throw new TuskException(SqlState.QUERY_CANCELED, "COPY from stdin failed: " + message);
                    }
                }));
    }

    private static StatementRun to(CommandContext ctx, CopyStmt stmt, CopyOptions o) {
        CopyTo.Source src = stmt.query() != null ? CopyTo.querySource(ctx, stmt.query())
                : CopyTo.tableSource(ctx, relation(ctx, stmt.relation()), stmt.attlist());
        if (stmt.filename() != null) {
            Path path = Path.of(stmt.filename());
            if (!path.isAbsolute()) {
                throw new TuskException(SqlState.INVALID_NAME, "relative path not allowed for COPY to file");
            }
            return run(() -> {
                try (OutputStream os = Files.newOutputStream(path)) {
                    long n = CopyTo.run(ctx, src, o, bytes -> {
                        try {
                            os.write(bytes);
                        } catch (IOException e) {
                            throw new TuskException(SqlState.IO_ERROR, "could not write to file \"" + stmt.filename()
                                    + "\": " + e.getMessage());
                        }
                    });
                    return new ExecutionResult.Completed("COPY " + n);
                } catch (IOException e) {
                    throw new TuskException(SqlState.IO_ERROR, "could not open file \"" + stmt.filename()
                            + "\" for writing: " + e.getMessage());
                }
            });
        }
        return run(out -> {
            out.sink().copyOutStart((short) (o.binary() ? 1 : 0), src.columnCount());
            long n = CopyTo.run(ctx, src, o, bytes -> out.sink().copyData(bytes));
            return new ExecutionResult.Completed("COPY " + n);
        });
    }

    private interface Body {
        ExecutionResult run(StatementRun.RowOut out);
    }

    private static StatementRun run(java.util.function.Supplier<ExecutionResult> body) {
        return run(out -> body.get());
    }

    private static StatementRun run(Body body) {
        return new StatementRun() {
            @Override
            public List<ResultColumn> columns() {
                return null;
            }

            @Override
            public ExecutionResult run(long maxRows, RowOut out) {
                return body.run(out);
            }

            @Override
            public void close() {
            }
        };
    }
}
