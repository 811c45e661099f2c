package dev.tusk.executor;

import java.util.List;
import java.util.function.BiPredicate;

/** Rows of {@code child} for which {@code qual} is true (a Result node's qual / a scan's filter). */
public record Filter(Plan child, BiPredicate<Object[], ExecState> qual, String qualText) implements Plan {
    @Override
    public ExecNode start(ExecState st) {
        ExecNode in = child.start(st);
        return new ExecNode() {
            @Override
            public Object[] next() {
                for (Object[] r = in.next(); r != null; r = in.next()) {
                    if (qual.test(r, st)) {
                        return r;
                    }
                }
                return null;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    @Override
    public int width() {
        return child.width();
    }

    @Override
    public List<Plan> children() {
        return List.of(child);
    }

    @Override
    public String describe() {
        return "Filter (" + qualText + ")";
    }
}
