package dev.tusk.libpq;

import dev.tusk.catalog.ScramSecrets;
import dev.tusk.utils.error.TuskException;
import java.security.SecureRandom;

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
        String stored = secret == null || ScramSecrets.isMd5Secret(secret) ? secret : ScramSecrets.md5(secret, user);
        if (!ScramSecrets.md5Matches(stored, salt, response)) {
            throw ProtocolErrors.passwordFailed(user);
        }
        return true;
    }

    @Override
    public TuskException unexpectedMessage(int type) {
        return ProtocolErrors.expectedPasswordResponse(type);
    }
}
