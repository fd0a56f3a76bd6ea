package dev.pki.cli.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointTest {

    @TempDir
    Path dir;

    private static final List<String> JAVA = List.of("/usr/bin/java", "-XX:+UseSerialGC", "-cp", "pki.jar");

    private Endpoint endpoint(List<String> java, Path cwd, Map<String, String> env) throws Exception {
        Path jar = dir.resolve("pki.jar");
        if (!Files.exists(jar)) Files.writeString(jar, "jar");
        return Endpoint.of(dir, java, jar, cwd, env);
    }

    @Test
    void sameRun_meetsTheSameDaemon_anythingElseAnother() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin", "PKI_STATE_DIR", "/s"));
        Endpoint e = endpoint(JAVA, Path.of("/a"), env);
        assertEquals(e, endpoint(JAVA, Path.of("/a"), new HashMap<>(env)));
        assertTrue(e.socket().getFileName().toString().matches("[0-9a-f]{24}\\.sock"), e.toString());
        assertEquals(dir, e.socket().getParent());

        assertNotEquals(e, endpoint(JAVA, Path.of("/b"), env), "another working directory");
        assertNotEquals(e, endpoint(List.of("/usr/bin/java", "-Xmx1g", "-cp", "pki.jar"), Path.of("/a"), env), "other JVM options");
        Map<String, String> other = new HashMap<>(env);
        other.put("PKI_STATE_DIR", "/t");
        assertNotEquals(e, endpoint(JAVA, Path.of("/a"), other), "another environment");
        Files.writeString(dir.resolve("pki.jar"), "a rebuilt jar");
        assertNotEquals(e, endpoint(JAVA, Path.of("/a"), env), "another jar");
    }

    @Test
    void shellBookkeeping_isNotPartOfTheEnvironment() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin"));
        Endpoint e = endpoint(JAVA, Path.of("/a"), env);
        env.put("OLDPWD", "/elsewhere");
        env.put("_", "/usr/bin/java");
        env.put("SHLVL", "0");
        assertEquals(e, endpoint(JAVA, Path.of("/a"), env));
    }

    @Test
    void directory_isCreatedPrivate_andRefusedWhenOpen() throws Exception {
        Path made = Endpoint.directory(Map.of("PKI_DAEMON_DIR", dir.resolve("d").toString()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)));
        Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rwx--x--x"));
        Endpoint.Unusable e = assertThrows(Endpoint.Unusable.class, () -> Endpoint.directory(Map.of("PKI_DAEMON_DIR", made.toString())));
        assertEquals(made + " is open to others (rwx--x--x); make it private: chmod 700 " + made, e.getMessage());
    }

    @Test
    void directory_followsXdgRuntimeDir() throws Exception {
        assertEquals(dir.resolve("pki"), Endpoint.directory(Map.of("XDG_RUNTIME_DIR", dir.toString())));
    }

    @Test
    void aSocketPathTooLongForTheKernel_isRefusedWithAHint() throws Exception {
        Path deep = Files.createDirectories(dir.resolve("x".repeat(120)));
        Endpoint.Unusable e = assertThrows(Endpoint.Unusable.class, () -> Endpoint.of(deep, JAVA, Files.writeString(dir.resolve("j"), "j"), Path.of("/"), Map.of()));
        assertTrue(e.getMessage().endsWith("set PKI_DAEMON_DIR to a shorter directory"), e.getMessage());
    }

    @Test
    void runRequest_roundTrips() throws Exception {
        String[] args = {"plan", "pläybook.groovy", "", "-e", "x=a b"};
        Frames.RunRequest r = Frames.runRequest(Frames.runRequest(true, args));
        assertEquals(Frames.VERSION, r.version());
        assertTrue(r.console());
        assertEquals(List.of(args), List.of(r.args()));
        assertEquals(130, Frames.exitCode(Frames.exitCode(130)));
    }
}
