package dev.tusk.libpq;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A SCRAM-SHA-256 verifier as pg_authid.rolpassword stores it,
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (PostgreSQL's {@code parse_scram_secret},
 * {@code scram_build_secret}), and the RFC 5802 functions over SHA-256 (javax.crypto only).
 */
public record ScramSecret(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    static final String PREFIX = "SCRAM-SHA-256$";
    static final int KEY_LENGTH = 32;

    public ScramSecret {
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    /** parse_scram_secret: null when {@code secret} is not a well-formed SCRAM-SHA-256 secret. */
    public static ScramSecret parse(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = secret.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 2) {
            return null;
        }
        String[] iterSalt = parts[0].split(":", -1);
        String[] keys = parts[1].split(":", -1);
        if (iterSalt.length != 2 || keys.length != 2) {
            return null;
        }
        try {
            int iterations = Integer.parseInt(iterSalt[0]);
            byte[] salt = Base64.getDecoder().decode(iterSalt[1]);
            byte[] stored = Base64.getDecoder().decode(keys[0]);
            byte[] server = Base64.getDecoder().decode(keys[1]);
            if (iterations <= 0 || stored.length != KEY_LENGTH || server.length != KEY_LENGTH || salt.length == 0) {
                return null;
            }
            return new ScramSecret(iterations, salt, stored, server);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** scram_build_secret for a cleartext password. */
    public static ScramSecret fromPassword(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        return new ScramSecret(iterations, salt, sha256(hmac(salted, "Client Key")), hmac(salted, "Server Key"));
    }

    /** The rolpassword text. */
    public String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey) + ":"
                + b64.encodeToString(serverKey);
    }

    /** scram_verify_plain_password. */
    public boolean verifyPlainPassword(String password) {
        byte[] salted = saltedPassword(password, salt, iterations);
        return MessageDigest.isEqual(hmac(salted, "Server Key"), serverKey);
    }

    /** Hi(Normalize(password), salt, i): PBKDF2 with HMAC-SHA-256, one block. */
    static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        byte[] key = prepare(password).getBytes(StandardCharsets.UTF_8);
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
     * pg_saslprep, approximated: NFKC normalization with non-ASCII spaces mapped to a space; ASCII passwords are
     * unchanged, which is what every client computes too.
     */
    static String prepare(String password) {
        boolean ascii = password.chars().allMatch(c -> c < 0x80);
        if (ascii) {
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

    static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] message) {
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

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScramSecret s && s.iterations == iterations && Arrays.equals(s.salt, salt)
                && Arrays.equals(s.storedKey, storedKey) && Arrays.equals(s.serverKey, serverKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(storedKey);
    }

    @Override
    public String toString() {
        return "ScramSecret[iterations=" + iterations + "]";
    }
}
