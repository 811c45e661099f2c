package dev.tusk.libpq;

import dev.tusk.catalog.ScramSecrets;
import dev.tusk.utils.error.TuskException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * SCRAM-SHA-256 without channel binding, server side (RFC 5802 / RFC 7677 as PostgreSQL's {@code auth-scram.c}
 * does it): AuthenticationSASL offering SCRAM-SHA-256, client-first-message, server-first-message with the
 * combined nonce, salt and iteration count, client-final-message with the proof, server-final-message with the
 * server signature. A role without a SCRAM secret (or no role at all) gets a mock exchange with a stable fake
 * salt, so a client cannot tell which roles exist; it fails at the proof.
 */
public final class ScramExchange implements AuthExchange {
    static final String MECHANISM = "SCRAM-SHA-256";
    private static final int NONCE_BYTES = 18;
    private static final int MOCK_ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Per-instance secret mixed into mock salts (PostgreSQL uses pg_control's mock authentication nonce). */
    private static final byte[] MOCK_NONCE = randomBytes(32);

    private enum State { INIT, FINAL, DONE }

    private final String user;
    private final ScramSecrets.Secret secret;
    private final boolean mock;
    private State state = State.INIT;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    /** {@code rolpassword} may be anything: only a valid SCRAM secret can succeed. */
    ScramExchange(String user, String rolpassword) {
        this.user = user;
        ScramSecrets.Secret parsed = ScramSecrets.parse(rolpassword);
        this.mock = parsed == null;
        this.secret = parsed != null ? parsed : mockSecret(user);
    }

    @Override
    public void start(PqBuffer out) {
        BackendMessages.authenticationSasl(out, List.of(MECHANISM));
    }

    @Override
    public boolean respond(byte[] body, PqBuffer out) {
        switch (state) {
            case INIT -> {
                PqMessageReader in = new PqMessageReader(body);
                String mechanism = in.string();
                if (!mechanism.equals(MECHANISM)) {
                    throw ProtocolErrors.invalidSaslMechanism();
                }
                int length = in.int32();
                byte[] data = length < 0 ? new byte[0] : in.bytes(length);
                in.end();
                clientFirst(ascii(data), out);
                state = State.FINAL;
                return false;
            }
            case FINAL -> {
                clientFinal(ascii(body), out);
                state = State.DONE;
                return true;
            }
            default -> throw ProtocolErrors.malformedScram("Unexpected message after the SCRAM exchange.");
        }
    }

    @Override
    public TuskException unexpectedMessage(int type) {
        return ProtocolErrors.expectedSaslResponse(type);
    }

    /** read_client_first_message, then build_server_first_message. */
    private void clientFirst(String message, PqBuffer out) {
        if (message.isEmpty()) {
            throw ProtocolErrors.malformedScram("The message is empty.");
        }
        int pos;
        switch (message.charAt(0)) {
            case 'n', 'y' -> {
                if (message.length() < 2 || message.charAt(1) != ',') {
                    throw ProtocolErrors.malformedScram("Comma expected, but found character \""
                            + (message.length() < 2 ? "" : message.charAt(1)) + "\".");
                }
                pos = 2;
            }
            case 'p' -> throw ProtocolErrors.malformedScram("The client selected SCRAM-SHA-256 without channel "
                    + "binding, but the SCRAM message includes channel binding data.");
            default -> throw ProtocolErrors.malformedScram("Unexpected channel-binding flag \""
                    + message.charAt(0) + "\".");
        }
        if (message.startsWith("a=", pos)) {
            throw ProtocolErrors.scramAuthzidUnsupported();
        }
        if (pos >= message.length() || message.charAt(pos) != ',') {
            throw ProtocolErrors.malformedScram("Comma expected, but found character \""
                    + (pos >= message.length() ? "" : message.charAt(pos)) + "\".");
        }
        gs2Header = message.substring(0, pos + 1);
        clientFirstBare = message.substring(pos + 1);
        String[] attrs = clientFirstBare.split(",", -1);
        if (attrs[0].startsWith("m=")) {
            throw ProtocolErrors.scramExtensionUnsupported();
        }
        attribute(attrs, 0, 'n');
        String clientNonce = attribute(attrs, 1, 'r');
        if (clientNonce.isEmpty() || !clientNonce.chars().allMatch(c -> c >= 0x21 && c <= 0x7E && c != ',')) {
            throw ProtocolErrors.malformedScram("Invalid nonce.");
        }
        nonce = clientNonce + Base64.getEncoder().encodeToString(randomBytes(NONCE_BYTES));
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(secret.salt()) + ",i="
                + secret.iterations();
        BackendMessages.authenticationSaslContinue(out, serverFirst.getBytes(StandardCharsets.US_ASCII));
    }

    /** read_client_final_message, verify_client_proof, build_server_final_message. */
    private void clientFinal(String message, PqBuffer out) {
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw ProtocolErrors.malformedScram("Could not find proof in client-final-message.");
        }
        String withoutProof = message.substring(0, proofAt);
        String[] attrs = withoutProof.split(",", -1);
        String binding = attribute(attrs, 0, 'c');
        String expected = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.US_ASCII));
        if (!binding.equals(expected)) {
            throw ProtocolErrors.scramChannelBindingFailed();
        }
        if (!attribute(attrs, 1, 'r').equals(nonce)) {
            throw ProtocolErrors.malformedScram("Nonce does not match.");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw ProtocolErrors.malformedScram("Malformed proof in client-final-message.");
        }
        if (proof.length != ScramSecrets.KEY_LENGTH) {
            throw ProtocolErrors.malformedScram("Malformed proof in client-final-message.");
        }
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.US_ASCII);
        byte[] clientSignature = ScramSecrets.hmac(secret.storedKey(), authMessage);
        byte[] clientKey = new byte[ScramSecrets.KEY_LENGTH];
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (mock || !MessageDigest.isEqual(ScramSecrets.sha256(clientKey), secret.storedKey())) {
            throw ProtocolErrors.passwordFailed(user);
        }
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(
                ScramSecrets.hmac(secret.serverKey(), authMessage));
        BackendMessages.authenticationSaslFinal(out, serverFinal.getBytes(StandardCharsets.US_ASCII));
    }

    private static String attribute(String[] attrs, int index, char name) {
        if (index >= attrs.length || attrs[index].length() < 2 || attrs[index].charAt(0) != name
                || attrs[index].charAt(1) != '=') {
            String found = index < attrs.length ? attrs[index] : "";
            throw ProtocolErrors.malformedScram("Expected attribute \"" + name + "\" but found \"" + found + "\".");
        }
        return attrs[index].substring(2);
    }

    private static String ascii(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** scram_mock_salt: stable per user and instance, so repeated attempts look like a real role. */
    private static ScramSecrets.Secret mockSecret(String user) {
        byte[] digest = ScramSecrets.sha256((user + "\0" + Base64.getEncoder().encodeToString(MOCK_NONCE))
                .getBytes(StandardCharsets.UTF_8));
        byte[] salt = java.util.Arrays.copyOf(digest, 16);
        return new ScramSecrets.Secret(MOCK_ITERATIONS, salt, randomBytes(ScramSecrets.KEY_LENGTH),
                randomBytes(ScramSecrets.KEY_LENGTH));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
