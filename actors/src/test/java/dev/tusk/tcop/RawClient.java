package dev.tusk.tcop;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A byte-level protocol client for tests that need exact control over what goes on the wire. */
final class RawClient implements AutoCloseable {
    /** One backend message. */
    record Msg(char type, byte[] body) {
        /** The fields of an ErrorResponse / NoticeResponse. */
        Map<Character, String> fields() {
            Map<Character, String> out = new LinkedHashMap<>();
            int i = 0;
            while (i < body.length && body[i] != 0) {
                char code = (char) body[i++];
                int end = i;
                while (body[end] != 0) {
                    end++;
                }
                out.put(code, new String(body, i, end - i, StandardCharsets.UTF_8));
                i = end + 1;
            }
            return out;
        }

        String string() {
            int end = 0;
            while (end < body.length && body[end] != 0) {
                end++;
            }
            return new String(body, 0, end, StandardCharsets.UTF_8);
        }
    }

    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 65536));
        out = socket.getOutputStream();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** A typed message: type, length, body. */
    void send(char type, byte[] body) throws IOException {
        send(message(type, body));
    }

    static byte[] message(char type, byte[] body) {
        return ByteBuffer.allocate(5 + body.length).put((byte) type).putInt(4 + body.length).put(body).array();
    }

    static byte[] startupPacket(String... pairs) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ByteBuffer.allocate(4).putInt(196608).array());
        for (String s : pairs) {
            body.writeBytes(cstring(s));
        }
        body.write(0);
        byte[] b = body.toByteArray();
        return ByteBuffer.allocate(4 + b.length).putInt(4 + b.length).put(b).array();
    }

    static byte[] cstring(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Startup with trust authentication; returns everything up to and including ReadyForQuery. */
    List<Msg> startup(String user, String database) throws IOException {
        send(startupPacket("user", user, "database", database));
        return readUntil('Z');
    }

    int readByte() throws IOException {
        return in.read();
    }

    Msg read() throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("connection closed");
        }
        int length = in.readInt();
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return new Msg((char) type, body);
    }

    List<Msg> readUntil(char type) throws IOException {
        List<Msg> out = new ArrayList<>();
        while (true) {
            Msg m = read();
            out.add(m);
            if (m.type() == type) {
                return out;
            }
        }
    }

    /** Reads until the server closes the connection; returns what came before. */
    List<Msg> readToEnd() throws IOException {
        List<Msg> out = new ArrayList<>();
        try {
            while (true) {
                out.add(read());
            }
        } catch (EOFException | java.net.SocketException e) {
            return out;
        }
    }

    /** True when the server has closed the connection (EOF within the timeout). */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    InputStream input() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
