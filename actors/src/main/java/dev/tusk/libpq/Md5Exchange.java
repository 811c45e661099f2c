package dev.tusk.libpq;

import dev.tusk.utils.error.TuskException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The {@code md5} method (PostgreSQL's CheckMD5Auth / md5_crypt_verify): a random 4-byte salt, the client answers
 * {@code "md5" || md5hex(md5hex(password || user) || salt)}.
 */
public final class Md5Exchange implements AuthExchange {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String user;
    private final String secret;
    private final byte[] salt = new byte[4];

    /** {@code secret} is an md5 secret, a plain password, or null (unknown role: the exchange runs, then fails). */
    Md5Exchange(String user, String secret) {
        this.user = user;
        this.secret = secret;
        RANDOM.nextBytes(salt);
    }

    @Override
    public void start(PqBuffer out) {
        BackendMessages.authenticationMd5Password(out, salt);
    }

    @Override
    public boolean respond(byte[] body, PqBuffer out) {
        String response = PasswordExchange.passwordPacket(body);
        String stored = secret == null || isMd5Secret(secret) ? secret : encrypt(secret, user);
        if (stored == null) {
            throw ProtocolErrors.passwordFailed(user);
        }
        String expected = "md5" + md5Hex(concat(stored.substring(3).getBytes(StandardCharsets.US_ASCII), salt));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.getBytes(StandardCharsets.UTF_8))) {
            throw ProtocolErrors.passwordFailed(user);
        }
        return true;
    }

    @Override
    public TuskException unexpectedMessage(int type) {
        return ProtocolErrors.expectedPasswordResponse(type);
    }

    static boolean isMd5Secret(String secret) {
        return secret.length() == 35 && secret.startsWith("md5") && secret.substring(3).chars()
                .allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /** pg_md5_encrypt: the stored form {@code "md5" || md5hex(password || user)}. */
    public static String encrypt(String password, String user) {
        return "md5" + md5Hex((password + user).getBytes(StandardCharsets.UTF_8));
    }

    static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
