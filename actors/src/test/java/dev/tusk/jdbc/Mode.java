package dev.tusk.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How pgjdbc talks to the server: the simple protocol, the simple protocol for plain statements and the extended one
 * for prepared ones, the extended protocol with text values, or with binary values.
 */
enum Mode {
    SIMPLE, EXTENDED_FOR_PREPARED, TEXT, BINARY;

    Connection connect() throws SQLException {
        return switch (this) {
            case SIMPLE -> JdbcServer.simple();
            case EXTENDED_FOR_PREPARED -> JdbcServer.connect("preferQueryMode", "extendedForPrepared");
            case TEXT -> JdbcServer.text();
            case BINARY -> JdbcServer.binary();
        };
    }

    String table(String base) {
        return base + "_" + name().toLowerCase();
    }
}
