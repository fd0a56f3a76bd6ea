package dev.pki.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs commands on this machine with {@link ProcessBuilder}: no shell unless the command is one. */
public final class LocalTransport implements Transport {

    private final AtomicInteger roundTrips = new AtomicInteger();

    @Override
    public ExecResult exec(Command command) {
        roundTrips.incrementAndGet();
        return run(command);
    }

    /** Runs a command that is part of an operation counted once as a whole ({@link #countRoundTrip()}): a fact read. */
    public ExecResult run(Command command) {
        Process process;
        try {
            process = new ProcessBuilder(command.argv()).start();
        } catch (IOException e) {
            // A missing program is a failed command (like a shell's 127), not an unreachable host.
            return new ExecResult(127, new byte[0], (command.argv().get(0) + ": " + e.getMessage()).getBytes());
        }
        // Feed stdin and drain stderr concurrently so that no pipe can fill up and deadlock.
        CompletableFuture<Void> feed = CompletableFuture.runAsync(() -> feed(process.getOutputStream(), command.stdin()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        byte[] out = drain(process.getInputStream());
        try {
            int code = process.waitFor();
            feed.get();
            return new ExecResult(code, out, err.get());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while running " + command.argv().get(0), false, e);
        } catch (ExecutionException e) {
            throw new TransportException("I/O error running " + command.argv().get(0) + ": " + e.getCause().getMessage(), false, e);
        }
    }

    private static void feed(OutputStream stdin, byte[] input) {
        try (stdin) {
            stdin.write(input);
        } catch (IOException e) {
            // The command exited without reading all of its input; its exit code tells the story.
        }
    }

    private static byte[] drain(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An operation done in-process on this machine's behalf (file writes, fact reads): counted like a command. */
    public void countRoundTrip() {
        roundTrips.incrementAndGet();
    }

    @Override
    public int roundTrips() {
        return roundTrips.get();
    }

    @Override
    public String describe() {
        return "local";
    }
}
