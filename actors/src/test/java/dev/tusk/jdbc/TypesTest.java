package dev.tusk.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/** Parameters and results of every issue-3 type, through a table, in simple, text and binary transfer. */
@ExtendWith(JdbcServer.class)
class TypesTest {
    private static final String COLUMNS = "id int4 primary key, b boolean, s smallint, i integer, l bigint, "
            + "n numeric(10,2), r real, d double precision, t text, v varchar(5), c char(4), by bytea, dt date, "
            + "tm time, ts timestamp, tz timestamptz, iv interval, u uuid, j json, jb jsonb, o oid, nm name";
    private static final UUID U = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyScalarTypeRoundTripsWithExtremesAndNulls(Mode mode) throws SQLException {
        String t = mode.table("jt_types");
        try (Connection c = mode.connect(); Statement s = c.createStatement()) {
            s.execute("create table " + t + " (" + COLUMNS + ")");
            try (PreparedStatement ps = c.prepareStatement("insert into " + t
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::interval, ?, ?::json, ?::jsonb, ?::oid, ?)")) {
                ps.setInt(1, 1);
                ps.setBoolean(2, true);
                ps.setShort(3, Short.MIN_VALUE);
                ps.setInt(4, Integer.MIN_VALUE);
                ps.setLong(5, Long.MAX_VALUE);
                ps.setBigDecimal(6, new BigDecimal("12345678.005")); // numeric(10,2) rounds half away from zero
                ps.setFloat(7, Float.NaN);
                ps.setDouble(8, Double.NEGATIVE_INFINITY);
                ps.setString(9, "héllo 'quoted' \\ back");
                ps.setString(10, "abc");
                ps.setString(11, "ab");
                ps.setBytes(12, new byte[] {0, 1, (byte) 0xff, 39, 92});
                ps.setObject(13, LocalDate.of(1, 1, 1));
                ps.setObject(14, LocalTime.of(23, 59, 59, 999_999_000));
                ps.setObject(15, LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_000));
                ps.setObject(16, OffsetDateTime.of(2024, 1, 15, 12, 0, 0, 0, ZoneOffset.ofHours(5)));
                ps.setString(17, "1 year 2 mons 3 days 04:05:06.5");
                ps.setObject(18, U);
                ps.setString(19, "{\"b\": 1,  \"a\": [1, 2]}");
                ps.setString(20, "{\"b\": 1,  \"a\": [1, 2]}");
                ps.setLong(21, 4294967295L);
                ps.setString(22, "pg_class");
                assertEquals(1, ps.executeUpdate());
                ps.setInt(1, 2);
                for (int i = 2; i <= 22; i++) {
                    ps.setNull(i, Types.OTHER);
                }
                ps.setNull(2, Types.BOOLEAN);
                ps.setNull(5, Types.BIGINT);
                ps.setNull(9, Types.VARCHAR);
                assertEquals(1, ps.executeUpdate());
                ps.setInt(1, 3);
                ps.setBoolean(2, false);
                ps.setShort(3, Short.MAX_VALUE);
                ps.setInt(4, Integer.MAX_VALUE);
                ps.setLong(5, Long.MIN_VALUE);
                ps.setBigDecimal(6, new BigDecimal("-0.005"));
                ps.setFloat(7, Float.POSITIVE_INFINITY);
                ps.setDouble(8, Double.MIN_VALUE);
                ps.setString(9, "");
                ps.setString(10, "abcde");
                ps.setString(11, "abcd");
                ps.setBytes(12, new byte[0]);
                ps.setObject(13, LocalDate.of(9999, 12, 31));
                ps.setObject(14, LocalTime.MIDNIGHT);
                ps.setObject(15, LocalDateTime.of(1900, 1, 1, 0, 0));
                ps.setObject(16, OffsetDateTime.of(1901, 12, 13, 20, 45, 52, 0, ZoneOffset.UTC));
                ps.setString(17, "-1 days -00:00:01");
                ps.setObject(18, new UUID(0, 0));
                ps.setString(19, "[]");
                ps.setString(20, "{\"a\": {\"x\": null}, \"a\": 2}");
                ps.setLong(21, 0);
                ps.setString(22, "x".repeat(70)); // name truncates to 63 bytes
                assertEquals(1, ps.executeUpdate());
            }
            try (PreparedStatement q = c.prepareStatement("select * from " + t + " where id = ?")) {
                q.setInt(1, 1);
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(rs.getBoolean("b"));
                    assertEquals(Short.MIN_VALUE, rs.getShort("s"));
                    assertEquals(Integer.MIN_VALUE, rs.getInt("i"));
                    assertEquals(Long.MAX_VALUE, rs.getLong("l"));
                    assertEquals(new BigDecimal("12345678.01"), rs.getBigDecimal("n"));
                    assertTrue(Float.isNaN(rs.getFloat("r")));
                    assertEquals(Double.NEGATIVE_INFINITY, rs.getDouble("d"));
                    assertEquals("héllo 'quoted' \\ back", rs.getString("t"));
                    assertEquals("abc", rs.getString("v"));
                    assertEquals("ab  ", rs.getString("c"));
                    assertArrayEquals(new byte[] {0, 1, (byte) 0xff, 39, 92}, rs.getBytes("by"));
                    assertEquals(LocalDate.of(1, 1, 1), rs.getObject("dt", LocalDate.class));
                    assertEquals(LocalTime.of(23, 59, 59, 999_999_000), rs.getObject("tm", LocalTime.class));
                    assertEquals(LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_000),
                            rs.getObject("ts", LocalDateTime.class));
                    assertEquals(Instant.parse("2024-01-15T07:00:00Z"),
                            rs.getObject("tz", OffsetDateTime.class).toInstant());
                    assertEquals(new PGInterval(1, 2, 3, 4, 5, 6.5), rs.getObject("iv"));
                    assertEquals(U, rs.getObject("u"));
                    assertEquals("{\"b\": 1,  \"a\": [1, 2]}", rs.getString("j"));
                    assertEquals("{\"a\": [1, 2], \"b\": 1}", rs.getString("jb"));
                    assertEquals("jsonb", ((PGobject) rs.getObject("jb")).getType());
                    assertEquals(4294967295L, rs.getLong("o"));
                    assertEquals("pg_class", rs.getString("nm"));
                }
                q.setInt(1, 2);
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next());
                    for (int col = 2; col <= 22; col++) {
                        assertNull(rs.getObject(col), "column " + col);
                    }
                    assertFalse(rs.getBoolean("b"));
                    assertTrue(rs.wasNull());
                    assertEquals(0, rs.getInt("i"));
                    assertTrue(rs.wasNull());
                }
                q.setInt(1, 3);
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next());
                    assertFalse(rs.getBoolean("b"));
                    assertEquals(Short.MAX_VALUE, rs.getShort("s"));
                    assertEquals(Integer.MAX_VALUE, rs.getInt("i"));
                    assertEquals(Long.MIN_VALUE, rs.getLong("l"));
                    assertEquals(new BigDecimal("-0.01"), rs.getBigDecimal("n"));
                    assertEquals(Float.POSITIVE_INFINITY, rs.getFloat("r"));
                    assertEquals(Double.MIN_VALUE, rs.getDouble("d"));
                    assertEquals("", rs.getString("t"));
                    assertEquals("abcde", rs.getString("v"));
                    assertEquals("abcd", rs.getString("c"));
                    assertArrayEquals(new byte[0], rs.getBytes("by"));
                    assertEquals(LocalDate.of(9999, 12, 31), rs.getObject("dt", LocalDate.class));
                    assertEquals(LocalTime.MIDNIGHT, rs.getObject("tm", LocalTime.class));
                    assertEquals(LocalDateTime.of(1900, 1, 1, 0, 0), rs.getObject("ts", LocalDateTime.class));
                    assertEquals(Instant.parse("1901-12-13T20:45:52Z"),
                            rs.getObject("tz", OffsetDateTime.class).toInstant());
                    assertEquals(new PGInterval(0, 0, -1, 0, 0, -1), rs.getObject("iv"));
                    assertEquals(new UUID(0, 0), rs.getObject("u"));
                    assertEquals("[]", rs.getString("j"));
                    assertEquals("{\"a\": 2}", rs.getString("jb"));
                    assertEquals(0L, rs.getLong("o"));
                    assertEquals("x".repeat(63), rs.getString("nm"));
                }
            }
            // The server's own text output of the same values (what psql would show).
            try (ResultSet rs = s.executeQuery("select b::text, n::text, r::text, d::text, by::text, dt::text, "
                    + "ts::text, iv::text, o::text from " + t + " where id = 1")) {
                assertTrue(rs.next());
                assertEquals("true", rs.getString(1));
                assertEquals("12345678.01", rs.getString(2));
                assertEquals("NaN", rs.getString(3));
                assertEquals("-Infinity", rs.getString(4));
                assertEquals("\\x0001ff275c", rs.getString(5));
                assertEquals("0001-01-01", rs.getString(6));
                assertEquals("2262-04-11 23:47:16.854775", rs.getString(7));
                assertEquals("1 year 2 mons 3 days 04:05:06.5", rs.getString(8));
                assertEquals("4294967295", rs.getString(9));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void typmodsAreEnforced(Mode mode) throws SQLException {
        String t = mode.table("jt_typmod");
        try (Connection c = mode.connect(); Statement s = c.createStatement()) {
            s.execute("create table " + t + " (n numeric(5,2), v varchar(3), ch char(2))");
            try (PreparedStatement ps = c.prepareStatement("insert into " + t + " (n) values (?)")) {
                ps.setBigDecimal(1, new BigDecimal("999.994"));
                ps.executeUpdate();
                ps.setBigDecimal(1, new BigDecimal("999.995"));
                SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
                assertEquals("22003", e.getSQLState());
                assertTrue(e.getMessage().contains("numeric field overflow"), e.getMessage());
            }
            try (PreparedStatement ps = c.prepareStatement("insert into " + t + " (v) values (?)")) {
                ps.setString(1, "abcd");
                SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
                assertEquals("22001", e.getSQLState());
                assertTrue(e.getMessage().contains("value too long for type character varying(3)"), e.getMessage());
                ps.setString(1, "abc   "); // trailing spaces are silently cut, as the standard says
                assertEquals(1, ps.executeUpdate());
            }
            try (ResultSet rs = s.executeQuery("select n, v, length(v) from " + t + " order by n nulls last")) {
                assertTrue(rs.next());
                assertEquals(new BigDecimal("999.99"), rs.getBigDecimal(1));
                assertTrue(rs.next());
                assertEquals("abc", rs.getString(2));
                assertEquals(3, rs.getInt(3));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void oneDimensionalArraysRoundTrip(Mode mode) throws SQLException {
        String t = mode.table("jt_arrays");
        try (Connection c = mode.connect(); Statement s = c.createStatement()) {
            s.execute("create table " + t + " (id int4, ai int4[], al int8[], asm int2[], ab bool[], at text[], "
                    + "ad float8[], an numeric[], adt date[], au uuid[], avc varchar(10)[], af float4[])");
            try (PreparedStatement ps = c.prepareStatement("insert into " + t + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setInt(1, 1);
                ps.setArray(2, c.createArrayOf("int4", new Integer[] {1, null, Integer.MAX_VALUE}));
                ps.setArray(3, c.createArrayOf("int8", new Long[] {Long.MIN_VALUE, 0L}));
                ps.setArray(4, c.createArrayOf("int2", new Short[] {-1, 7}));
                ps.setArray(5, c.createArrayOf("bool", new Boolean[] {true, false, null}));
                ps.setArray(6, c.createArrayOf("text", new String[] {"a b", "q\"uote", "NULL", null, "", "x,y", "{}"}));
                ps.setArray(7, c.createArrayOf("float8", new Double[] {1.5, Double.NaN, Double.POSITIVE_INFINITY}));
                ps.setArray(8, c.createArrayOf("numeric", new BigDecimal[] {new BigDecimal("1.10"), new BigDecimal("-3")}));
                ps.setArray(9, c.createArrayOf("date", new Object[] {LocalDate.of(2000, 2, 29)}));
                ps.setArray(10, c.createArrayOf("uuid", new UUID[] {U}));
                ps.setArray(11, c.createArrayOf("varchar", new String[] {"v1", "v2"}));
                ps.setArray(12, c.createArrayOf("float4", new Float[] {0.5f}));
                assertEquals(1, ps.executeUpdate());
                ps.setInt(1, 2);
                for (int i = 2; i <= 12; i++) {
                    ps.setNull(i, Types.ARRAY);
                }
                ps.setArray(2, c.createArrayOf("int4", new Integer[0]));
                assertEquals(1, ps.executeUpdate());
            }
            try (PreparedStatement q = c.prepareStatement("select * from " + t + " where id = ?")) {
                q.setInt(1, 1);
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next());
                    assertArrayEquals(new Integer[] {1, null, Integer.MAX_VALUE}, (Object[]) rs.getArray("ai").getArray());
                    assertEquals("int4", rs.getArray("ai").getBaseTypeName());
                    assertArrayEquals(new Long[] {Long.MIN_VALUE, 0L}, (Object[]) rs.getArray("al").getArray());
                    assertArrayEquals(new Short[] {-1, 7}, (Object[]) rs.getArray("asm").getArray());
                    assertArrayEquals(new Boolean[] {true, false, null}, (Object[]) rs.getArray("ab").getArray());
                    assertArrayEquals(new String[] {"a b", "q\"uote", "NULL", null, "", "x,y", "{}"},
                            (Object[]) rs.getArray("at").getArray());
                    Double[] ad = (Double[]) rs.getArray("ad").getArray();
                    assertEquals(1.5, ad[0]);
                    assertTrue(ad[1].isNaN());
                    assertEquals(Double.POSITIVE_INFINITY, ad[2]);
                    assertArrayEquals(new BigDecimal[] {new BigDecimal("1.10"), new BigDecimal("-3")},
                            (Object[]) rs.getArray("an").getArray());
                    Object[] dates = (Object[]) rs.getArray("adt").getArray();
                    assertEquals(java.sql.Date.valueOf("2000-02-29"), dates[0]);
                    assertArrayEquals(new UUID[] {U}, (Object[]) rs.getArray("au").getArray());
                    assertArrayEquals(new String[] {"v1", "v2"}, (Object[]) rs.getArray("avc").getArray());
                    assertArrayEquals(new Float[] {0.5f}, (Object[]) rs.getArray("af").getArray());
                    // Arrays as the server prints them (binary results are re-printed by pgjdbc, quoting all).
                    if (mode != Mode.BINARY) {
                        assertEquals("{\"a b\",\"q\\\"uote\",\"NULL\",NULL,\"\",\"x,y\",\"{}\"}", rs.getString("at"));
                        assertEquals("{1,NULL,2147483647}", rs.getString("ai"));
                    }
                }
                q.setInt(1, 2);
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next());
                    Array empty = rs.getArray("ai");
                    assertEquals(0, ((Object[]) empty.getArray()).length);
                    assertEquals("{}", rs.getString("ai"));
                    assertNull(rs.getArray("at"));
                }
            }
            try (ResultSet rs = s.executeQuery("select array_length(ai, 1), ai[3], at[2], cardinality(at) from "
                    + t + " where id = 1")) {
                assertTrue(rs.next());
                assertEquals(3, rs.getInt(1));
                assertEquals(Integer.MAX_VALUE, rs.getInt(2));
                assertEquals("q\"uote", rs.getString(3));
                assertEquals(7, rs.getInt(4));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void literalParametersOfEveryTypeComeBackTyped(Mode mode) throws SQLException {
        try (Connection c = mode.connect();
                PreparedStatement ps = c.prepareStatement("select ?::int2, ?::int4, ?::int8, ?::numeric, ?::float4, "
                        + "?::float8, ?::bool, ?::date, ?::timestamp, ?::uuid, ?::bytea, ?::text")) {
            ps.setShort(1, (short) 7);
            ps.setInt(2, -42);
            ps.setLong(3, 1L << 40);
            ps.setBigDecimal(4, new BigDecimal("-123456789012345678901234567890.123456789"));
            ps.setFloat(5, 3.25f);
            ps.setDouble(6, 1e300);
            ps.setBoolean(7, true);
            ps.setObject(8, LocalDate.of(2024, 2, 29));
            ps.setObject(9, LocalDateTime.of(2024, 2, 29, 1, 2, 3, 456_000));
            ps.setObject(10, U);
            ps.setBytes(11, new byte[] {1, 2, 3});
            ps.setString(12, "text");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(Types.SMALLINT, rs.getMetaData().getColumnType(1));
                assertEquals((short) 7, rs.getShort(1));
                assertEquals(-42, rs.getObject(2));
                assertEquals(1L << 40, rs.getObject(3));
                assertEquals(new BigDecimal("-123456789012345678901234567890.123456789"), rs.getBigDecimal(4));
                assertEquals(3.25f, rs.getFloat(5));
                assertEquals(1e300, rs.getDouble(6));
                assertEquals(Boolean.TRUE, rs.getObject(7));
                assertEquals(LocalDate.of(2024, 2, 29), rs.getObject(8, LocalDate.class));
                assertEquals(LocalDateTime.of(2024, 2, 29, 1, 2, 3, 456_000), rs.getObject(9, LocalDateTime.class));
                assertEquals(U, rs.getObject(10));
                assertArrayEquals(new byte[] {1, 2, 3}, rs.getBytes(11));
                assertEquals("text", rs.getObject(12));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void farPastAndFutureDatesRoundTrip(Mode mode) throws SQLException {
        String t = mode.table("jt_far");
        LocalDate[] dates = {LocalDate.of(-4712, 1, 1), LocalDate.of(-99, 2, 28), LocalDate.of(1582, 10, 10),
            LocalDate.of(1970, 1, 1), LocalDate.of(99999, 12, 31)};
        LocalDateTime[] stamps = {LocalDateTime.of(-4712, 1, 1, 0, 0), LocalDateTime.of(1, 1, 1, 12, 30, 0, 1000),
            LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.of(99999, 6, 1, 0, 0)};
        try (Connection c = mode.connect(); Statement s = c.createStatement()) {
            s.execute("create table " + t + " (id int4, d date, ts timestamp)");
            try (PreparedStatement ps = c.prepareStatement("insert into " + t + " values (?, ?, ?)")) {
                for (int i = 0; i < dates.length; i++) {
                    ps.setInt(1, i);
                    ps.setObject(2, dates[i]);
                    ps.setObject(3, i < stamps.length ? stamps[i] : null);
                    ps.executeUpdate();
                }
            }
            try (ResultSet rs = s.executeQuery("select d, ts, d::text, ts::text from " + t + " order by id")) {
                for (int i = 0; i < dates.length; i++) {
                    assertTrue(rs.next());
                    assertEquals(dates[i], rs.getObject(1, LocalDate.class), mode + " row " + i);
                    if (i < stamps.length) {
                        assertEquals(stamps[i], rs.getObject(2, LocalDateTime.class), mode + " row " + i);
                    }
                }
                assertFalse(rs.next());
            }
            try (ResultSet rs = s.executeQuery("select d::text, ts::text from " + t + " where id in (0, 1) order by id")) {
                assertTrue(rs.next());
                assertEquals("4713-01-01 BC", rs.getString(1));
                assertEquals("4713-01-01 00:00:00 BC", rs.getString(2));
                assertTrue(rs.next());
                assertEquals("0100-02-28 BC", rs.getString(1));
                assertEquals("0001-01-01 12:30:00.000001", rs.getString(2));
            }
        }
    }

    @Test
    void timestamptzFollowsTheSessionTimeZone() throws SQLException {
        for (Mode mode : Mode.values()) {
            try (Connection c = mode.connect(); Statement s = c.createStatement()) {
                s.execute("SET TimeZone = 'America/New_York'");
                try (PreparedStatement ps = c.prepareStatement(
                        "select ?::timestamptz, ?::timestamptz::text, '2024-07-01 12:00:00+00'::timestamptz::text, "
                                + "'2024-01-15 12:00'::timestamptz, current_setting('TimeZone')")) {
                    ps.setObject(1, OffsetDateTime.of(2024, 1, 15, 12, 0, 0, 0, ZoneOffset.UTC));
                    ps.setString(2, "2024-01-15 12:00:00+00");
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(Instant.parse("2024-01-15T12:00:00Z"),
                                rs.getObject(1, OffsetDateTime.class).toInstant(), mode.name());
                        assertEquals("2024-01-15 07:00:00-05", rs.getString(2), mode.name());
                        assertEquals("2024-07-01 08:00:00-04", rs.getString(3), mode.name());
                        // A timestamptz literal without offset is read in the session zone.
                        assertEquals(Instant.parse("2024-01-15T17:00:00Z"),
                                rs.getObject(4, OffsetDateTime.class).toInstant(), mode.name());
                        assertEquals("America/New_York", rs.getString(5));
                    }
                }
            }
        }
    }

    @Test
    void specialFloatAndDateValuesInText() throws SQLException {
        try (Connection c = JdbcServer.text(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 'NaN'::float8::text, '-Infinity'::float4::text, "
                        + "1e-320::float8::text, '4713-01-01 BC'::date::text, '5874897-12-31'::date::text, "
                        + "'294276-12-31 23:59:59.999999'::timestamp::text, 'infinity'::date::text, "
                        + "(-32768)::int2::text, '-9223372036854775808'::int8::text, 0.1::float4::text, "
                        + "'NaN'::numeric::text, round(2.5::numeric), round(-2.5::numeric), 2.5::numeric(2,0)::text")) {
            assertTrue(rs.next());
            assertEquals("NaN", rs.getString(1));
            assertEquals("-Infinity", rs.getString(2));
            assertEquals("1e-320", rs.getString(3));
            assertEquals("4713-01-01 BC", rs.getString(4));
            assertEquals("5874897-12-31", rs.getString(5));
            assertEquals("294276-12-31 23:59:59.999999", rs.getString(6));
            assertEquals("infinity", rs.getString(7));
            assertEquals("-32768", rs.getString(8));
            assertEquals("-9223372036854775808", rs.getString(9));
            assertEquals("0.1", rs.getString(10));
            assertEquals("NaN", rs.getString(11));
            assertEquals(new BigDecimal("3"), rs.getBigDecimal(12));
            assertEquals(new BigDecimal("-3"), rs.getBigDecimal(13));
            assertEquals("3", rs.getString(14));
        }
    }

    @Test
    void outOfRangeValuesAreRejected() throws SQLException {
        try (Connection c = JdbcServer.binary(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("select 32767::int2 + 1::int2"));
            assertEquals("22003", e.getSQLState());
            assertTrue(e.getMessage().contains("smallint out of range"), e.getMessage());
            e = assertThrows(SQLException.class, () -> s.executeQuery("select 2147483647 + 1"));
            assertEquals("22003", e.getSQLState());
            assertTrue(e.getMessage().contains("integer out of range"), e.getMessage());
            e = assertThrows(SQLException.class, () -> s.executeQuery("select '40000'::int2"));
            assertEquals("22003", e.getSQLState());
            assertTrue(e.getMessage().contains("value \"40000\" is out of range for type smallint"), e.getMessage());
            e = assertThrows(SQLException.class, () -> s.executeQuery("select '2024-02-30'::date"));
            assertEquals("22008", e.getSQLState());
            assertTrue(e.getMessage().contains("date/time field value out of range: \"2024-02-30\""), e.getMessage());
        }
    }
}
