package dev.pki.cli.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's wire format: frames of one type byte, a length and that many bytes, both ways over
 * one socket. Writes are whole frames, flushed, from any thread; reads come from one thread.
 */
final class Frames implements AutoCloseable {

    /** Bumped whenever a frame changes; a client and a daemon of different jars never meet (the endpoint names the jar). */
    static final int VERSION = 1;

    // client → daemon
    static final byte RUN = 'R';      // version, console present, then the arguments
    static final byte LINE = 'L';     // the answer to ASK
    static final byte NO_LINE = 'N';  // end of input at ASK
    static final byte STATUS = 'S';
    static final byte STOP = 'Q';
    // daemon → client
    static final byte ACCEPTED = 'A';
    static final byte BUSY = 'B';
    static final byte OUT = 'O';
    static final byte ERR = 'E';
    static final byte ASK = 'K';
    static final byte EXIT = 'X';     // the run's exit code
    static final byte INFO = 'I';     // answer to STATUS or STOP

    private static final int MAX = 1 << 24;

    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;

    Frames(SocketChannel channel) {
        this.channel = channel;
        // Not Channels.newInputStream/newOutputStream: those take the channel's blocking lock, so a
        // read waiting for the client's answer would block every write of the run's output.
        this.in = new DataInputStream(new BufferedInputStream(new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return channel.read(ByteBuffer.wrap(b, off, len));
            }
        }));
        this.out = new DataOutputStream(new BufferedOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) channel.write(buf);
            }
        }));
    }

    record Frame(byte type, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    synchronized void send(byte type, byte[] body, int offset, int length) throws IOException {
        out.writeByte(type);
        out.writeInt(length);
        out.write(body, offset, length);
        out.flush();
    }

    void send(byte type, byte[] body) throws IOException {
        send(type, body, 0, body.length);
    }

    void send(byte type, String text) throws IOException {
        send(type, text.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte type) throws IOException {
        send(type, new byte[0]);
    }

    /** The next frame, or null when the other side has closed the connection. */
    Frame read() throws IOException {
        byte type;
        try {
            type = in.readByte();
        } catch (EOFException e) {
            return null;
        }
        int length = in.readInt();
        if (length < 0 || length > MAX) throw new IOException("frame of " + length + " bytes");
        byte[] body = new byte[length];
        in.readFully(body);
        return new Frame(type, body);
    }

    /** A RUN frame's body: the protocol version, whether the client has a terminal, the arguments. */
    static byte[] runRequest(boolean console, String[] args) {
        List<byte[]> parts = new ArrayList<>();
        int size = 4 + 1 + 4;
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            parts.add(b);
            size += 4 + b.length;
        }
        java.nio.ByteBuffer buf = ByteBuffer.allocate(size).putInt(VERSION).put((byte) (console ? 1 : 0)).putInt(args.length);
        for (byte[] b : parts) buf.putInt(b.length).put(b);
        return buf.array();
    }

    record RunRequest(int version, boolean console, String[] args) {
    }

    static RunRequest runRequest(byte[] body) throws IOException {
        try {
            java.nio.ByteBuffer buf = ByteBuffer.wrap(body);
            int version = buf.getInt();
            boolean console = buf.get() != 0;
            String[] args = new String[buf.getInt()];
            for (int i = 0; i < args.length; i++) {
                byte[] b = new byte[buf.getInt()];
                buf.get(b);
                args[i] = new String(b, StandardCharsets.UTF_8);
            }
            return new RunRequest(version, console, args);
        } catch (RuntimeException e) {
            throw new IOException("malformed run request", e);
        }
    }

    static byte[] exitCode(int code) {
        return ByteBuffer.allocate(4).putInt(code).array();
    }

    static int exitCode(byte[] body) {
        return ByteBuffer.wrap(body).getInt();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
