package dev.tusk.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback converters for PostgreSQL's log line prefix: {@code [%p]} and PostgreSQL's severity words. */
public final class PgLogConverters {
    private PgLogConverters() {
    }

    /** The server's PID. */
    public static final class Pid extends ClassicConverter {
        private static final String PID = Long.toString(ProcessHandle.current().pid());

        @Override
        public String convert(ILoggingEvent event) {
            return PID;
        }
    }

    /** INFO prints as LOG, WARN as WARNING, as in PostgreSQL's server log. */
    public static final class Severity extends ClassicConverter {
        @Override
        public String convert(ILoggingEvent event) {
            Level level = event.getLevel();
            if (level == Level.INFO) {
                return "LOG";
            }
            if (level == Level.WARN) {
                return "WARNING";
            }
            return level == Level.ERROR ? "ERROR" : "DEBUG";
        }
    }
}
