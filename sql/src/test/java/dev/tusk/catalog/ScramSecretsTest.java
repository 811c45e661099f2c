package dev.tusk.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScramSecretsTest {
    /** What PostgreSQL 15 stored for {@code CREATE ROLE scramuser PASSWORD 'pencil'} (scram-sha-256). */
    static final String PG_SECRET = "SCRAM-SHA-256$4096:G+q9M0+XyUxEoE6hIn6a3A==$"
            + "i6VttdbOnDUCkOfkYIWB1zzX6hxOJ+FG2myArmpgJQA=:9jjqIzQ7j6qlIZ6noIn5IPkD9SBL6RfVSr95lyEzu9o=";

    @Test
    void rebuildsPostgresSecretFromItsSalt() {
        ScramSecrets.Secret pg = ScramSecrets.parse(PG_SECRET);
        assertEquals(4096, pg.iterations());
        ScramSecrets.Secret ours = ScramSecrets.build("pencil", pg.salt(), pg.iterations());
        assertEquals(PG_SECRET, ours.encode());
        assertTrue(ScramSecrets.verifyPlain(PG_SECRET, "pencil"));
        assertFalse(ScramSecrets.verifyPlain(PG_SECRET, "pencil2"));
    }

    @Test
    void newSecretsHaveRandomSaltAndVerify() {
        String a = ScramSecrets.encode("secret");
        String b = ScramSecrets.encode("secret");
        assertTrue(a.startsWith("SCRAM-SHA-256$4096:"));
        assertFalse(a.equals(b));
        assertTrue(ScramSecrets.verifyPlain(a, "secret"));
        assertNull(ScramSecrets.parse("md5abc"));
    }

    @Test
    void md5MatchesPostgres() {
        // PostgreSQL 15 with password_encryption = md5: CREATE ROLE md5user PASSWORD 'pencil'.
        assertEquals("md50098e7fab7b4d8d091067152a80b3f12", ScramSecrets.md5("pencil", "md5user"));
        byte[] salt = {1, 2, 3, 4};
        String stored = ScramSecrets.md5("pencil", "md5user");
        byte[] inner = stored.substring(3).getBytes(StandardCharsets.US_ASCII);
        byte[] buf = new byte[inner.length + 4];
        System.arraycopy(inner, 0, buf, 0, inner.length);
        System.arraycopy(salt, 0, buf, inner.length, 4);
        assertTrue(ScramSecrets.md5Matches(stored, salt, "md5" + ScramSecrets.md5Hex(buf)));
        assertFalse(ScramSecrets.md5Matches(stored, salt, "md5" + ScramSecrets.md5Hex(inner)));
        assertArrayEquals(ScramSecrets.parse(PG_SECRET).salt(), ScramSecrets.parse(PG_SECRET).salt());
    }
}
