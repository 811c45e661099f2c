package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DatabaseMetaData and ResultSetMetaData: pgjdbc's catalog queries answered from Tusk's catalogs. */
@ExtendWith(JdbcServer.class)
class MetaDataTest {

    @BeforeAll
    static void tables() throws SQLException {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement()) {
            s.execute("create table jm_parent (id serial primary key, code varchar(12) not null default 'none', "
                    + "price numeric(8,3), made timestamptz, flag boolean default true)");
            s.execute("create table jm_child (a int4, b int4, parent int4 references jm_parent (id), "
                    + "primary key (a, b))");
            s.execute("create unique index jm_parent_code on jm_parent (code)");
        }
    }

    @Test
    void tablesAndSchemas() throws SQLException {
        try (Connection c = JdbcServer.connect()) {
            DatabaseMetaData md = c.getMetaData();
            assertEquals("PostgreSQL", md.getDatabaseProductName());
            try (ResultSet rs = md.getTables(null, "public", "jm_%", new String[] {"TABLE"})) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                    assertEquals("TABLE", rs.getString("TABLE_TYPE"));
                    assertEquals("public", rs.getString("TABLE_SCHEM"));
                }
                assertEquals(List.of("jm_child", "jm_parent"), names);
            }
            Set<String> schemas = new HashSet<>();
            try (ResultSet rs = md.getSchemas()) {
                while (rs.next()) {
                    schemas.add(rs.getString("TABLE_SCHEM"));
                }
            }
            assertTrue(schemas.containsAll(Set.of("public", "pg_catalog")), schemas.toString());
        }
    }

    @Test
    void columns() throws SQLException {
        try (Connection c = JdbcServer.connect()) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getColumns(null, "public", "jm_parent", "%")) {
                assertTrue(rs.next());
                assertEquals("id", rs.getString("COLUMN_NAME"));
                assertEquals(Types.INTEGER, rs.getInt("DATA_TYPE"));
                assertEquals("serial", rs.getString("TYPE_NAME"));
                assertEquals(DatabaseMetaData.columnNoNulls, rs.getInt("NULLABLE"));
                assertEquals("nextval('jm_parent_id_seq'::regclass)", rs.getString("COLUMN_DEF"));
                assertEquals("YES", rs.getString("IS_AUTOINCREMENT"));
                assertEquals(1, rs.getInt("ORDINAL_POSITION"));
                assertTrue(rs.next());
                assertEquals("code", rs.getString("COLUMN_NAME"));
                assertEquals(Types.VARCHAR, rs.getInt("DATA_TYPE"));
                assertEquals("varchar", rs.getString("TYPE_NAME"));
                assertEquals(12, rs.getInt("COLUMN_SIZE"));
                assertEquals("'none'::character varying", rs.getString("COLUMN_DEF"));
                assertEquals("NO", rs.getString("IS_NULLABLE"));
                assertEquals("NO", rs.getString("IS_AUTOINCREMENT"));
                assertTrue(rs.next());
                assertEquals("price", rs.getString("COLUMN_NAME"));
                assertEquals(Types.NUMERIC, rs.getInt("DATA_TYPE"));
                assertEquals(8, rs.getInt("COLUMN_SIZE"));
                assertEquals(3, rs.getInt("DECIMAL_DIGITS"));
                assertEquals(DatabaseMetaData.columnNullable, rs.getInt("NULLABLE"));
                assertTrue(rs.next());
                assertEquals("made", rs.getString("COLUMN_NAME"));
                assertEquals(Types.TIMESTAMP_WITH_TIMEZONE == rs.getInt("DATA_TYPE") ? Types.TIMESTAMP_WITH_TIMEZONE
                        : Types.TIMESTAMP, rs.getInt("DATA_TYPE"));
                assertEquals("timestamptz", rs.getString("TYPE_NAME"));
                assertTrue(rs.next());
                assertEquals("flag", rs.getString("COLUMN_NAME"));
                assertEquals(Types.BIT, rs.getInt("DATA_TYPE"));
                assertEquals("true", rs.getString("COLUMN_DEF"));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void primaryKeys() throws SQLException {
        try (Connection c = JdbcServer.connect()) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getPrimaryKeys(null, "public", "jm_child")) {
                assertTrue(rs.next());
                assertEquals("a", rs.getString("COLUMN_NAME"));
                assertEquals(1, rs.getInt("KEY_SEQ"));
                assertEquals("jm_child_pkey", rs.getString("PK_NAME"));
                assertTrue(rs.next());
                assertEquals("b", rs.getString("COLUMN_NAME"));
                assertEquals(2, rs.getInt("KEY_SEQ"));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void indexInfo() throws SQLException {
        try (Connection c = JdbcServer.connect()) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getIndexInfo(null, "public", "jm_parent", false, false)) {
                Set<String> unique = new HashSet<>();
                while (rs.next()) {
                    assertFalse(rs.getBoolean("NON_UNIQUE"));
                    unique.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME"));
                }
                assertEquals(Set.of("jm_parent_pkey:id", "jm_parent_code:code"), unique);
            }
        }
    }

    @Test
    void importedKeys() throws SQLException {
        try (Connection c = JdbcServer.connect()) {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getImportedKeys(null, "public", "jm_child")) {
                assertTrue(rs.next());
                assertEquals("jm_parent", rs.getString("PKTABLE_NAME"));
                assertEquals("id", rs.getString("PKCOLUMN_NAME"));
                assertEquals("parent", rs.getString("FKCOLUMN_NAME"));
                assertEquals("jm_child_parent_fkey", rs.getString("FK_NAME"));
                assertEquals(DatabaseMetaData.importedKeyNoAction, rs.getInt("DELETE_RULE"));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void typeInfo() throws SQLException {
        try (Connection c = JdbcServer.connect(); ResultSet rs = c.getMetaData().getTypeInfo()) {
            Set<String> names = new HashSet<>();
            while (rs.next()) {
                names.add(rs.getString("TYPE_NAME"));
                if (rs.getString("TYPE_NAME").equals("int4")) {
                    assertEquals(Types.INTEGER, rs.getInt("DATA_TYPE"));
                }
            }
            assertTrue(names.containsAll(Set.of("bool", "int2", "int4", "int8", "numeric", "float4", "float8", "text",
                    "varchar", "bpchar", "bytea", "date", "time", "timestamp", "timestamptz", "interval", "uuid",
                    "json", "jsonb", "oid", "name", "_int4", "_text")), names.toString());
        }
    }

    @Test
    void resultSetMetaData() throws SQLException {
        try (Connection c = JdbcServer.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, code, price, made, flag, 1::int8 as big, 'x'::text from jm_parent")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(7, md.getColumnCount());
            assertEquals("id", md.getColumnName(1));
            assertEquals(Types.INTEGER, md.getColumnType(1));
            assertEquals("serial", md.getColumnTypeName(1));
            assertTrue(md.isAutoIncrement(1));
            assertEquals("jm_parent", md.getTableName(1));
            assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
            assertEquals(Types.VARCHAR, md.getColumnType(2));
            assertEquals(12, md.getPrecision(2));
            assertEquals(Types.NUMERIC, md.getColumnType(3));
            assertEquals(8, md.getPrecision(3));
            assertEquals(3, md.getScale(3));
            assertEquals("timestamptz", md.getColumnTypeName(4));
            assertEquals(Types.BIT, md.getColumnType(5));
            assertEquals("big", md.getColumnLabel(6));
            assertEquals(Types.BIGINT, md.getColumnType(6));
            assertEquals("text", md.getColumnLabel(7));
            assertEquals(Types.VARCHAR, md.getColumnType(7));
            assertEquals("", md.getTableName(6));
        }
    }
}
