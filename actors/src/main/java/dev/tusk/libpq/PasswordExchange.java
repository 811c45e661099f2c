package dev.tusk.libpq;

import dev.tusk.catalog.ScramSecrets;
import dev.tusk.utils.error.TuskException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The {@code password} method: the client sends the password in clear text (PostgreSQL's CheckPasswordAuth). */
public final class PasswordExchange implements AuthExchange {
    private final String user;
    private final String secret;

    /** {@code secret} is rolpassword (SCRAM, md5 or null for none / unknown role). */
    PasswordExchange(String user, String secret) {
        this.user = user;
        this.secret = secret;
    }

    @Override
    public void start(PqBuffer out) {
        BackendMessages.authenticationCleartextPassword(out);
    }

    @Override
    public boolean respond(byte[] body, PqBuffer out) {
        String password = passwordPacket(body);
        if (!verify(user, secret, password)) {
            throw ProtocolErrors.passwordFailed(user);
        }
        return true;
    }

    /** recv_password_packet: one null-terminated string filling the message exactly. */
    static String passwordPacket(byte[] body) {
        PqMessageReader in = new PqMessageReader(body);
        String password;
        try {
            password = in.string();
        } catch (TuskException e) {
            throw ProtocolErrors.invalidPasswordPacketSize();
        }
        if (in.remaining() != 0) {
            throw ProtocolErrors.invalidPasswordPacketSize();
        }
        return password;
    }

    /** plain_crypt_verify: a cleartext password against any stored secret kind. */
    static boolean verify(String user, String secret, String password) {
        if (secret == null || password.isEmpty()) {
            return false;
        }
        ScramSecrets.Secret scram = ScramSecrets.parse(secret);
        if (scram != null) {
            return scram.verifyPlainPassword(password);
        }
        if (ScramSecrets.isMd5Secret(secret)) {
            return MessageDigest.isEqual(ScramSecrets.md5(password, user).getBytes(StandardCharsets.US_ASCII),
                    secret.getBytes(StandardCharsets.US_ASCII));
        }
        return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public TuskException unexpectedMessage(int type) {
        return ProtocolErrors.expectedPasswordResponse(type);
    }
}
