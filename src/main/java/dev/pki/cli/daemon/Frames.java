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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's wire format: frames of one type byte, a length and that many bytes, both ways over
 * one socket. Writes are whole frames, from any thread; reads come from one thread. A frame is
 * flushed as it is sent, but for a run's output ({@link #sendSoon}), which lingers up to
 * {@link #LINGER_MS} so that a thousand lines printed in half a second cross the socket in a few
 * writes, not a thousand (each a system call here and a wake-up of the client there).
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

    /** How long a run's output may wait to be sent: well below what a person watching notices. */
    static final long LINGER_MS = 20;

    /** Flushes lingering output; one thread for all connections, made when first needed. */
    private static final class Flusher {
        static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pki-frames-flush");
            t.setDaemon(true);
            return t;
        });
    }

    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;
    /** Frames written but not yet flushed, a flush scheduled; guarded by this. */
    private boolean lingering;

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

    /** Sends a frame now, and any output lingering before it (frames keep their order). */
    synchronized void send(byte type, byte[] body, int offset, int length) throws IOException {
        write(type, body, offset, length);
        lingering = false;
        out.flush();
    }

    /**
     * Sends a frame of output within {@link #LINGER_MS}, or sooner with a later frame. A failure
     * to send it then (the client is gone) is the next send's to report.
     */
    synchronized void sendSoon(byte type, byte[] body, int offset, int length) throws IOException {
        write(type, body, offset, length);
        if (lingering) return;
        lingering = true;
        Flusher.THREAD.schedule(this::flushLingering, LINGER_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void flushLingering() {
        if (!lingering) return;
        lingering = false;
        try {
            out.flush();
        } catch (IOException e) {
            // the client is gone; the run's next frame, at the latest its exit code, finds out
        }
    }

    private void write(byte type, byte[] body, int offset, int length) throws IOException {
        out.writeByte(type);
        out.writeInt(length);
        out.write(body, offset, length);
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

    /** Whether the next frame (or part of it) has arrived already: reading it would not wait. */
    boolean hasWaiting() throws IOException {
        return in.available() > 0;
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
