package dev.pki.facts;

import dev.pki.transport.Command;
import dev.pki.transport.ExecResult;
import dev.pki.transport.LocalTransport;
import dev.pki.transport.TransportException;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Facts of this machine without a script: paths in-process ({@link LocalPaths}), programs looked
 * up on the PATH in-process, and each command run directly, side by side. A script would start a
 * shell, {@code mktemp}, a subshell and an {@code od} for every command, {@code stat}, {@code od}
 * and {@code rm}: on the benchmark machine ~25 processes and ~130 ms for the test bed's host,
 * where its five commands take ~15 ms each. Nothing here goes through a shell.
 */
final class LocalFacts {

    /** Commands run at once, at most: they mostly wait (for ZFS, for LXC), but each is a process. */
    private static final int PARALLEL = 4;

    private LocalFacts() {
    }

    static Map<Fact, Object> read(LocalTransport local, Map<String, Boolean> paths, List<Fact.CommandFact> commands,
                                  List<Fact.ProgramFact> programs) {
        Map<Fact, Object> answers = new HashMap<>(LocalPaths.read(paths));
        // The script's shell would inherit this process's PATH.
        List<String> searchPath = Fact.ProgramFact.searchPath(System.getenv("PATH"));
        for (Fact.ProgramFact p : programs) answers.put(p, find(p, searchPath));
        answers.putAll(run(local, commands));
        return answers;
    }

    /** Name → where {@code command -v} finds it: the first executable regular file of that name on the search path. */
    static Map<String, String> find(Fact.ProgramFact fact, List<String> searchPath) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : fact.names()) {
            for (String dir : searchPath) {
                try {
                    Path candidate = Path.of(dir, name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        found.put(name, dir + "/" + name);
                        break;
                    }
                } catch (InvalidPathException e) {
                    // not a directory a shell could search either
                }
            }
        }
        return Map.copyOf(found);
    }

    private static Map<Fact, Object> run(LocalTransport local, List<Fact.CommandFact> commands) {
        if (commands.isEmpty()) return Map.of();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(commands.size(), PARALLEL), r -> {
            Thread t = new Thread(r, "pki-local-facts");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<ExecResult>> running = new ArrayList<>();
            for (Fact.CommandFact c : commands) running.add(CompletableFuture.supplyAsync(() -> local.run(Command.of(c.argv())), pool));
            Map<Fact, Object> answers = new HashMap<>();
            for (int i = 0; i < commands.size(); i++) answers.put(commands.get(i), output(running.get(i).join()));
            return answers;
        } catch (CompletionException e) {
            if (e.getCause() instanceof TransportException t) throw t;
            throw e;
        } finally {
            pool.shutdown();
        }
    }

    private static CommandOutput output(ExecResult r) {
        return new CommandOutput(r.exitCode(), r.stdout(), r.stderr());
    }
}
