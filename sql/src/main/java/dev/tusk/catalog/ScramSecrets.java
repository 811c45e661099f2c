package dev.tusk.catalog;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stored password secrets as PostgreSQL writes rolpassword (libpq/auth-scram.c {@code scram_build_secret},
 * crypt.c): {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (base64) for
 * password_encryption = scram-sha-256, {@code md5} + md5(password + username) for md5. The protocol layer runs
 * the SCRAM exchange with {@link #parse}'s parts and checks md5 logins with {@link #md5Matches}.
 */
public final class ScramSecrets {
    /** scram_iterations' default. */
    public static final int DEFAULT_ITERATIONS = 4096;
    /** SCRAM_DEFAULT_SALT_LEN. */
    public static final int SALT_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ScramSecrets() {
    }

    /** A parsed SCRAM secret. */
    public record Secret(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
        /** The secret in rolpassword form. */
        public String encode() {
            Base64.Encoder b64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey)
                    + ":" + b64.encodeToString(serverKey);
        }
    }

    /** A new SCRAM-SHA-256 secret for {@code password} with a random salt. */
    public static String encode(String password) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return build(password, salt, DEFAULT_ITERATIONS).encode();
    }

    /** scram_build_secret: SaltedPassword = PBKDF2-HMAC-SHA256; ClientKey/ServerKey = HMAC; StoredKey = SHA-256. */
    public static Secret build(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key");
        byte[] storedKey = sha256(clientKey);
        byte[] serverKey = hmac(salted, "Server Key");
        return new Secret(iterations, salt.clone(), storedKey, serverKey);
    }

    /** Hi(password, salt, i) of RFC 5802 (the password is used as given; PostgreSQL SASLpreps it first). */
    public static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        try {
            SecretKeyFactory f = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            return f.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA-256 of a UTF-8 string. */
    public static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** parse_scram_secret: the parts of a stored secret, or null when {@code stored} is not a SCRAM secret. */
    public static Secret parse(String stored) {
        if (stored == null || !stored.startsWith("SCRAM-SHA-256$")) {
            return null;
        }
        try {
            String rest = stored.substring("SCRAM-SHA-256$".length());
            int dollar = rest.indexOf('$');
            String[] iterSalt = rest.substring(0, dollar).split(":");
            String[] keys = rest.substring(dollar + 1).split(":");
            Base64.Decoder d = Base64.getDecoder();
            return new Secret(Integer.parseInt(iterSalt[0]), d.decode(iterSalt[1]), d.decode(keys[0]),
                    d.decode(keys[1]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** True when {@code password} matches a stored SCRAM secret (plain "password" authentication against it). */
    public static boolean verifyPlain(String stored, String password) {
        Secret s = parse(stored);
        if (s == null) {
            return false;
        }
        Secret computed = build(password, s.salt(), s.iterations());
        return MessageDigest.isEqual(computed.storedKey(), s.storedKey())
                && MessageDigest.isEqual(computed.serverKey(), s.serverKey());
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
            throw new IllegalStateException(e);
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
        byte[] buf = new byte[inner.length + salt.length];
        System.arraycopy(inner, 0, buf, 0, inner.length);
        System.arraycopy(salt, 0, buf, inner.length, salt.length);
        String expected = "md5" + md5Hex(buf);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                clientResponse.getBytes(StandardCharsets.US_ASCII));
    }

    /** Encodes {@code password} for rolpassword per password_encryption ("scram-sha-256" or "md5"). */
    public static String encodeFor(String passwordEncryption, String password, String username) {
        if (password == null) {
            return null;
        }
        if (password.startsWith("SCRAM-SHA-256$") || (password.startsWith("md5") && password.length() == 35)) {
            return password; // already encrypted, as CREATE ROLE ... PASSWORD 'md5...' is taken verbatim
        }
        return "md5".equalsIgnoreCase(passwordEncryption) ? md5(password, username) : encode(password);
    }
}
