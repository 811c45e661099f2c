package dev.tusk.catalog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stored password secrets as PostgreSQL writes rolpassword (libpq/auth-scram.c {@code scram_build_secret},
 * {@code parse_scram_secret}, crypt.c): {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (base64)
 * for password_encryption = scram-sha-256, {@code md5} + md5(password + username) for md5. The one home of the
 * RFC 5802 functions over SHA-256: CREATE ROLE and initdb build secrets here, and the wire protocol's SCRAM, md5 and
 * password exchanges check logins against them with the same code.
 */
public final class ScramSecrets {
    /** scram_iterations' default. */
    public static final int DEFAULT_ITERATIONS = 4096;
    /** SCRAM_DEFAULT_SALT_LEN. */
    public static final int SALT_LENGTH = 16;
    /** SCRAM_KEY_LEN: SHA-256 output. */
    public static final int KEY_LENGTH = 32;

    private static final String SCRAM_PREFIX = "SCRAM-SHA-256$";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScramSecrets() {
    }

    /** A parsed SCRAM secret. */
    public record Secret(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
        public Secret {
            salt = salt.clone();
            storedKey = storedKey.clone();
            serverKey = serverKey.clone();
        }

        /** The secret in rolpassword form. */
        public String encode() {
            Base64.Encoder b64 = Base64.getEncoder();
            return SCRAM_PREFIX + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey)
                    + ":" + b64.encodeToString(serverKey);
        }

        /** scram_verify_plain_password: does {@code password} produce this secret's ServerKey? */
        public boolean verifyPlainPassword(String password) {
            byte[] salted = saltedPassword(password, salt, iterations);
            return MessageDigest.isEqual(hmac(salted, "Server Key"), serverKey);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Secret s && s.iterations == iterations && Arrays.equals(s.salt, salt)
                    && Arrays.equals(s.storedKey, storedKey) && Arrays.equals(s.serverKey, serverKey);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(storedKey);
        }

        @Override
        public String toString() {
            return "Secret[iterations=" + iterations + "]";
        }
    }

    /** A new SCRAM-SHA-256 secret for {@code password} with a random salt. */
    public static String encode(String password) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return build(password, salt, DEFAULT_ITERATIONS).encode();
    }

    /** scram_build_secret: SaltedPassword = Hi(); ClientKey/ServerKey = HMAC; StoredKey = SHA-256(ClientKey). */
    public static Secret build(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        return new Secret(iterations, salt, sha256(hmac(salted, "Client Key")), hmac(salted, "Server Key"));
    }

    /** parse_scram_secret: the parts of a stored secret, or null when it is not a well-formed SCRAM secret. */
    public static Secret parse(String stored) {
        if (stored == null || !stored.startsWith(SCRAM_PREFIX)) {
            return null;
        }
        String[] parts = stored.substring(SCRAM_PREFIX.length()).split("\\$", -1);
        if (parts.length != 2) {
            return null;
        }
        String[] iterSalt = parts[0].split(":", -1);
        String[] keys = parts[1].split(":", -1);
        if (iterSalt.length != 2 || keys.length != 2) {
            return null;
        }
        try {
            Base64.Decoder d = Base64.getDecoder();
            int iterations = Integer.parseInt(iterSalt[0]);
            byte[] salt = d.decode(iterSalt[1]);
            byte[] storedKey = d.decode(keys[0]);
            byte[] serverKey = d.decode(keys[1]);
            if (iterations <= 0 || salt.length == 0 || storedKey.length != KEY_LENGTH
                    || serverKey.length != KEY_LENGTH) {
                return null;
            }
            return new Secret(iterations, salt, storedKey, serverKey);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True when {@code password} matches a stored SCRAM secret (plain "password" authentication against it). */
    public static boolean verifyPlain(String stored, String password) {
        Secret s = parse(stored);
        return s != null && s.verifyPlainPassword(password);
    }

    /** Hi(Normalize(password), salt, i) of RFC 5802: PBKDF2 with HMAC-SHA-256, one block. */
    public static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        byte[] key = saslPrep(password).getBytes(StandardCharsets.UTF_8);
        if (key.length == 0) {
            // HMAC with an empty key is legal in RFC 2104 but javax.crypto refuses it; a zero byte is equivalent.
            key = new byte[1];
        }
        Mac mac = mac(key);
        mac.update(salt);
        mac.update(new byte[] {0, 0, 0, 1});
        byte[] u = mac.doFinal();
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    /**
     * pg_saslprep, approximated: NFKC normalization with non-ASCII spaces mapped to a space and "commonly mapped to
     * nothing" characters dropped; ASCII passwords are unchanged, which is what every client computes too.
     */
    static String saslPrep(String password) {
        if (password.chars().allMatch(c -> c < 0x80)) {
            return password;
        }
        StringBuilder mapped = new StringBuilder(password.length());
        password.codePoints().forEach(cp -> {
            if (Character.isSpaceChar(cp)) {
                mapped.append(' ');
            } else if (cp != 0x00AD && cp != 0x200B && cp != 0xFEFF && !(cp >= 0xFE00 && cp <= 0xFE0F)) {
                mapped.appendCodePoint(cp);
            }
        });
        return Normalizer.normalize(mapped, Normalizer.Form.NFKC);
    }

    /** HMAC-SHA-256 of a UTF-8 string. */
    public static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] key, byte[] message) {
        return mac(key).doFinal(message);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** True for a stored {@code md5} secret: "md5" and 32 lowercase hex digits. */
    public static boolean isMd5Secret(String stored) {
        return stored != null && stored.length() == 35 && stored.startsWith("md5") && stored.substring(3).chars()
                .allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /** pg_md5_encrypt: {@code "md5" + hex(md5(password + username))}. */
    public static String md5(String password, String username) {
        return "md5" + md5Hex((password + username).getBytes(StandardCharsets.UTF_8));
    }

    /** hex md5 of bytes (what the md5 exchange also uses with the salt). */
    public static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    /**
     * md5 authentication: the client sends {@code "md5" + md5(md5(password + user) + salt)}; {@code stored} is the
     * rolpassword {@code md5...} value.
     */
    public static boolean md5Matches(String stored, byte[] salt, String clientResponse) {
        if (stored == null || !stored.startsWith("md5") || clientResponse == null) {
            return false;
        }
        byte[] inner = stored.substring(3).getBytes(StandardCharsets.US_ASCII);
        byte[] buf = Arrays.copyOf(inner, inner.length + salt.length);
        System.arraycopy(salt, 0, buf, inner.length, salt.length);
        String expected = "md5" + md5Hex(buf);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                clientResponse.getBytes(StandardCharsets.UTF_8));
    }

    /** Encodes {@code password} for rolpassword per password_encryption ("scram-sha-256" or "md5"). */
    public static String encodeFor(String passwordEncryption, String password, String username) {
        if (password == null) {
            return null;
        }
        if (parse(password) != null || isMd5Secret(password)) {
            return password; // already encrypted: CREATE ROLE ... PASSWORD 'md5...' is taken verbatim
        }
        return "md5".equalsIgnoreCase(passwordEncryption) ? md5(password, username) : encode(password);
    }
}
