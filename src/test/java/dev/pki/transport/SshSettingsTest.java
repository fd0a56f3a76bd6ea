package dev.pki.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshSettingsTest {

    @TempDir
    Path home;

    private SshOptions options(Map<String, String> env) {
        return new SshOptions(HostKeyPolicy.STRICT, env, home, "alice", n -> { });
    }

    private SshSettings resolve(Map<String, Object> vars) {
        return SshSettings.resolve("web1", vars, options(Map.of()));
    }

    @Test
    void resolve_withNothingSet_usesDefaults() {
        SshSettings s = resolve(Map.of());

        assertEquals("web1", s.address());
        assertEquals(22, s.port());
        assertEquals("alice", s.user());
        assertEquals(List.of(), s.identities(), "no default key files exist in this home");
        assertFalse(s.identityExplicit());
        assertEquals(home.resolve(".ssh/known_hosts"), s.knownHosts());
        assertEquals(10, s.timeoutSeconds());
        assertEquals(Optional.empty(), s.password());
        assertEquals(Optional.empty(), s.agentSocket());
        assertEquals("alice@web1:22", s.target());
        assertEquals("web1", s.knownHostsName());
    }

    @Test
    void resolve_pkiNames() {
        SshSettings s = resolve(Map.of("address", "192.0.2.10", "port", 2222, "user", "root", "identity", "/keys/pve",
                "known_hosts", "/etc/pki/known_hosts", "timeout", "3", "password", "pw", "identity_passphrase_env", "PVE_KEY_PASS"));

        assertEquals("root@192.0.2.10:2222", s.target());
        assertEquals("[192.0.2.10]:2222", s.knownHostsName());
        assertEquals(List.of(Path.of("/keys/pve")), s.identities());
        assertTrue(s.identityExplicit());
        assertEquals(Path.of("/etc/pki/known_hosts"), s.knownHosts());
        assertEquals(3, s.timeoutSeconds());
        assertEquals("pw", s.password().orElseThrow().reveal());
        assertEquals(Optional.of("PVE_KEY_PASS"), s.passphraseEnv());
    }

    @Test
    void resolve_ansibleNames() {
        SshSettings s = resolve(Map.of("ansible_host", "pve.lan", "ansible_port", "2200", "ansible_user", "admin",
                "ansible_ssh_private_key_file", "~/.ssh/pve_ed25519", "ansible_timeout", 30, "ansible_password", "pw"));

        assertEquals("admin@pve.lan:2200", s.target());
        assertEquals(List.of(home.resolve(".ssh/pve_ed25519")), s.identities(), "~ is the controller's home");
        assertEquals(30, s.timeoutSeconds());
        assertEquals("pw", s.password().orElseThrow().reveal());
        assertEquals("legacy", resolve(Map.of("ansible_ssh_pass", "legacy")).password().orElseThrow().reveal());
    }

    @Test
    void resolve_pkiNameWinsOverAnsibleName() {
        SshSettings s = resolve(Map.of("address", "10.0.0.1", "ansible_host", "10.0.0.2", "user", "ours", "ansible_user", "theirs",
                "port", 2201, "ansible_port", 2202, "password", "ours", "ansible_password", "theirs", "ansible_ssh_pass", "old"));

        assertEquals("ours@10.0.0.1:2201", s.target());
        assertEquals("ours", s.password().orElseThrow().reveal());
    }

    @Test
    void resolve_defaultKeys_areTheOnesThatExist_inOpenSshOrder() throws IOException {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(ssh.resolve("id_rsa"), "x");
        Files.writeString(ssh.resolve("id_ed25519"), "x");

        assertEquals(List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_rsa")), resolve(Map.of()).identities());
    }

    @Test
    void resolve_agentSocket_fromTheEnvironment() {
        SshSettings s = SshSettings.resolve("web1", Map.of(), options(Map.of("SSH_AUTH_SOCK", "/run/user/1000/ssh-agent.sock")));
        assertEquals(Optional.of(Path.of("/run/user/1000/ssh-agent.sock")), s.agentSocket());
    }

    @Test
    void resolve_badPort_isAnUnreachableHostNamingTheVariable() {
        TransportException e = assertThrows(TransportException.class, () -> resolve(Map.of("ansible_port", "ssh")));
        assertTrue(e.unreachable());
        assertEquals("host web1: ansible_port must be a whole number from 1 to 65535, got 'ssh'", e.getMessage());
        assertThrows(TransportException.class, () -> resolve(Map.of("port", 0)));
        assertThrows(TransportException.class, () -> resolve(Map.of("timeout", "-1")));
    }

    @Test
    void target_ipv6_isBracketed() {
        SshSettings s = resolve(Map.of("address", "2001:db8::1", "user", "root"));
        assertEquals("root@[2001:db8::1]:22", s.target());
        assertEquals("2001:db8::1", s.knownHostsName());
    }

    @Test
    void toString_showsNoPassword() {
        SshSettings s = resolve(Map.of("password", "hunter2-secret"));
        assertFalse(s.toString().contains("hunter2-secret"), s.toString());
        assertTrue(s.toString().contains("(sensitive)"), s.toString());
    }

    @Test
    void hostKeyPolicy_parse() {
        assertEquals(HostKeyPolicy.STRICT, HostKeyPolicy.parse("strict"));
        assertEquals(HostKeyPolicy.ACCEPT_NEW, HostKeyPolicy.parse("accept-new"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostKeyPolicy.parse("no"));
        assertEquals("--ssh-host-keys expects strict or accept-new, got 'no'", e.getMessage());
    }
}
