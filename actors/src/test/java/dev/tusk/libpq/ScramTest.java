package dev.tusk.libpq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tusk.catalog.ScramSecrets;
import dev.tusk.utils.error.TuskException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ScramTest {
    /** What PostgreSQL 15 stored for PASSWORD 'pencil' with password_encryption = scram-sha-256. */
    private static final String PG_SECRET = "SCRAM-SHA-256$4096:QTNwyw/eE+UgkPFb/Q3yqw==$TVCwuYi+cgb6qyZlDB20MPuanU3M5"
            + "DhGRpHxII5c0zI=:B0OmuihgyJ4mfgspk7DgLBId6mx7BUf2/pVomU9h/e4=";

    @Test
    void secretsPostgresWroteVerifyAndRoundTrip() {
        ScramSecrets.Secret secret = ScramSecrets.parse(PG_SECRET);
        assertEquals(4096, secret.iterations());
        assertTrue(secret.verifyPlainPassword("pencil"));
        assertFalse(secret.verifyPlainPassword("Pencil"));
        assertEquals(PG_SECRET, secret.encode());
        assertEquals(secret, ScramSecrets.build("pencil", secret.salt(), 4096));
        assertNull(ScramSecrets.parse("md521f3163f8f86fa10bdefbfbd502a8f06"));
        assertNull(ScramSecrets.parse("SCRAM-SHA-256$x:abc$def"));
        assertTrue(PasswordExchange.verify("bob", "md521f3163f8f86fa10bdefbfbd502a8f06", "secret"));
        assertFalse(PasswordExchange.verify("bob2", "md521f3163f8f86fa10bdefbfbd502a8f06", "secret"));
    }

    /** RFC 7677 section 3's example exchange, computed with our primitives. */
    @Test
    void rfc7677Example() {
        byte[] salt = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
        ScramSecrets.Secret secret = ScramSecrets.build("pencil", salt, 4096);
        String authMessage = "n=user,r=rOprNGfwEbeRWgbNEkqO,"
                + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
                + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        byte[] clientKey = ScramSecrets.hmac(ScramSecrets.saltedPassword("pencil", salt, 4096), "Client Key");
        byte[] signature = ScramSecrets.hmac(secret.storedKey(), authMessage);
        byte[] proof = new byte[32];
        for (int i = 0; i < 32; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        assertEquals("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", Base64.getEncoder().encodeToString(proof));
        assertEquals("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", Base64.getEncoder().encodeToString(
                ScramSecrets.hmac(secret.serverKey(), authMessage)));
    }

    /** A whole server-side exchange against a client computed here. */
    @Test
    void exchangeSucceedsWithTheRightProofOnly() {
        assertTrue(runExchange("pencil"));
        TuskException wrong = assertThrows(TuskException.class, () -> runExchange("crayon"));
        assertEquals("password authentication failed for user \"alice\"", wrong.getMessage());
        assertEquals("28P01", wrong.sqlState().code());
    }

    private static boolean runExchange(String password) {
        ScramExchange server = new ScramExchange("alice", PG_SECRET);
        PqBuffer out = new PqBuffer(256);
        server.start(out);
        String clientFirstBare = "n=,r=abcdefghijklmnop";
        byte[] first = ("n,," + clientFirstBare).getBytes(StandardCharsets.US_ASCII);
        out.take();
        assertFalse(server.respond(concat("SCRAM-SHA-256\0".getBytes(StandardCharsets.US_ASCII),
                ByteBuffer.allocate(4).putInt(first.length).array(), first), out));
        byte[] msg = out.take();
        String serverFirst = new String(msg, 9, msg.length - 9, StandardCharsets.US_ASCII);
        String nonce = serverFirst.substring(2, serverFirst.indexOf(','));
        assertTrue(nonce.startsWith("abcdefghijklmnop") && nonce.length() > 16);
        String withoutProof = "c=biws,r=" + nonce;
        ScramSecrets.Secret stored = ScramSecrets.parse(PG_SECRET);
        byte[] salted = ScramSecrets.saltedPassword(password, stored.salt(), stored.iterations());
        byte[] clientKey = ScramSecrets.hmac(salted, "Client Key");
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] signature = ScramSecrets.hmac(ScramSecrets.sha256(clientKey), authMessage);
        byte[] proof = new byte[32];
        for (int i = 0; i < 32; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        boolean done = server.respond((withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof))
                .getBytes(StandardCharsets.US_ASCII), out);
        byte[] fin = out.take();
        String serverFinal = new String(fin, 9, fin.length - 9, StandardCharsets.US_ASCII);
        assertArrayEquals(ScramSecrets.hmac(ScramSecrets.hmac(salted, "Server Key"), authMessage),
                Base64.getDecoder().decode(serverFinal.substring(2)));
        return done;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
