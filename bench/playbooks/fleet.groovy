// bench/playbooks/fleet.groovy — B5: a small playbook for many SSH hosts. The hosts are aliases of
// one loopback sshd (scripts/testbed up --ssh), so they share one file system: every host manages
// the same directory and file (a playbook cannot give each alias its own path yet).
def dir = vars.dir ?: '/tmp/pki-bench-fleet'

hosts('fleet') {
    directory(dir) { mode '0755' }
    file("$dir/motd") {
        content "managed by pki\n"
        mode '0644'
    }
}
