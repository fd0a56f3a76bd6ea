package dev.pki.cli.daemon;

import dev.pki.cli.Main;

import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code bin/pki} starts when {@code PKI_DAEMON=1}: hands the run to the daemon of its
 * endpoint and relays what it prints, asks and returns. Without a daemon (the first run, or after
 * one exited) it runs pki in this process, exactly as without {@code PKI_DAEMON}, and then starts
 * a daemon for the next run; while the daemon serves another run, it runs in this process too.
 * Only the first path is fast, and it loads none of pki's engine.
 */
public final class DaemonClient {

    private DaemonClient() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        // 'pki daemon status|stop' manages daemons; it is never served by one.
        if (args.length > 0 && args[0].equals("daemon")) return Main.runInFreshProcess(args);
        Map<String, String> env = System.getenv();
        Endpoint endpoint;
        List<String> java;
        try {
            java = javaCommand();
            endpoint = Endpoint.of(Endpoint.directory(env), java, jar(), Path.of("").toAbsolutePath(), env);
        } catch (Endpoint.Unusable e) {
            System.err.println("pki: not using the daemon: " + e.getMessage());
            return Main.runInFreshProcess(args);
        }
        SocketChannel channel = connect(endpoint);
        if (channel == null) {
            int code = Main.runInFreshProcess(args);
            start(endpoint, java);
            return code;
        }
        Integer code = relay(channel, args, endpoint);
        return code != null ? code : Main.runInFreshProcess(args);
    }

    /** A connection to the daemon, or null when there is none (no socket, or a stale one refusing). */
    private static SocketChannel connect(Endpoint endpoint) {
        try {
            return SocketChannel.open(UnixDomainSocketAddress.of(endpoint.socket()));
        } catch (IOException e) {
            return null;
        }
    }

    /** The run's exit code, or null when the daemon did not take it (busy, retiring). */
    private static Integer relay(SocketChannel channel, String[] args, Endpoint endpoint) {
        Console console = System.console();
        // As System.out and System.err in a fresh pki: output to a closed pipe ('pki apply | head')
        // is lost, the run is not (PrintStream notes the error and goes on). Buffered: the frames
        // that arrived together are written together. Each stream is flushed before any other frame
        // is handled (so the order stays, and a question or the exit comes after all output) and
        // whenever no more frames are waiting.
        PrintStream stdout = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false);
        PrintStream stderr = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 1 << 16), false);
        try (Frames frames = new Frames(channel)) {
            if (!accepted(frames, console != null, args)) return null;
            for (Frames.Frame f = frames.read(); f != null; f = frames.read()) {
                if (f.type() != Frames.OUT) stdout.flush();
                if (f.type() != Frames.ERR) stderr.flush();
                switch (f.type()) {
                    case Frames.OUT -> stdout.write(f.body(), 0, f.body().length);
                    case Frames.ERR -> stderr.write(f.body(), 0, f.body().length);
                    case Frames.ASK -> {
                        String line = console == null ? null : console.readLine("%s", f.text());
                        if (line == null) frames.send(Frames.NO_LINE);
                        else frames.send(Frames.LINE, line);
                    }
                    case Frames.EXIT -> {
                        return Frames.exitCode(f.body());
                    }
                    default -> throw new IOException("unexpected frame '" + (char) f.type() + "'");
                }
                if (!frames.hasWaiting()) {
                    stdout.flush();
                    stderr.flush();
                }
            }
            System.err.println("pki: the daemon ended before the run did; its log: " + endpoint.log());
            return 1;
        } catch (IOException e) {
            stdout.flush();
            stderr.flush();
            System.err.println("pki: lost the daemon during the run (" + e.getMessage() + "); its log: " + endpoint.log());
            return 1;
        }
    }

    /**
     * Whether the daemon took the run. It says so before it starts the run, so a connection that
     * ends or breaks before that (a daemon that died or was killed just then, with this connection
     * still waiting in its socket's queue) means nothing ran: the client runs pki itself.
     */
    private static boolean accepted(Frames frames, boolean console, String[] args) {
        try {
            frames.send(Frames.RUN, Frames.runRequest(console, args));
            Frames.Frame first = frames.read();
            return first != null && first.type() == Frames.ACCEPTED;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts the daemon for the next run, in a session of its own (so the terminal's Ctrl-C and
     * hang-up never reach it), with this JVM's options, working directory and environment.
     */
    private static void start(Endpoint endpoint, List<String> java) {
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.addAll(java);
        command.add(DaemonServer.class.getName());
        command.add(endpoint.socket().toString());
        try {
            new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(endpoint.log().toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            System.err.println("pki: could not start the daemon (" + e.getMessage() + "); runs go on without it");
        }
    }

    /** This JVM's command line up to its main class: the daemon is started the same way. */
    private static List<String> javaCommand() throws Endpoint.Unusable {
        ProcessHandle.Info info = ProcessHandle.current().info();
        if (info.command().isEmpty() || info.arguments().isEmpty()) throw new Endpoint.Unusable("cannot read this JVM's command line");
        List<String> argv = List.of(info.arguments().get());
        int main = argv.indexOf(DaemonClient.class.getName());
        if (main < 0) throw new Endpoint.Unusable("started without naming " + DaemonClient.class.getName() + " as the main class");
        List<String> java = new ArrayList<>();
        java.add(info.command().get());
        java.addAll(argv.subList(0, main));
        return java;
    }

    private static Path jar() throws Endpoint.Unusable {
        try {
            return Path.of(DaemonClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new Endpoint.Unusable("cannot tell where pki's jar is: " + e.getMessage());
        }
    }
}
