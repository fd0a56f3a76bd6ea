package dev.pki.dsl

import dev.pki.diag.PkiException
import dev.pki.inventory.InventoryLoader
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** A hosts block runs once per matched host, with `host` bound: steps can differ per host. */
class PerHostEvaluationSpec extends Specification {

    @TempDir
    Path dir

    def inventory() {
        Path inv = dir.resolve('inv.yml')
        Files.writeString(inv, '''all:
  vars: { base: /srv }
  hosts:
    a: { connection: local, state_dir: /srv/a-state }
    b: { connection: local, state_dir: /srv/b-state }
''')
        InventoryLoader.load(List.of(inv), [:])
    }

    def load(String source) {
        Path file = dir.resolve('playbook.groovy')
        Files.writeString(file, source)
        def inventory = inventory()
        PlaybookLoader.load(file, inventory.globalVars(), inventory)
    }

    def "host.name and host.vars give each host its own steps"() {
        when:
        def play = load('''hosts('all') {
    directory(host.vars.state_dir) { mode '0700' }
    file("${vars.base}/${host.name}.txt") { content "I am ${host.name}" }
}''').plays()[0]

        then:
        play.steps('a')*.address()*.toString() == ['directory /srv/a-state', 'file /srv/a.txt']
        play.steps('b')*.address()*.toString() == ['directory /srv/b-state', 'file /srv/b.txt']
    }

    def "an error in a block evaluated for several hosts is reported once"() {
        when:
        load("hosts('all') {\n  directory('/x') { mdoe = '0700' }\n}")

        then:
        def e = thrown(PkiException)
        e.diagnostics().size() == 1
        e.diagnostics()[0].location().line() == 2
    }

    def "a CA in a block that matches several hosts is an error: a CA lives on one host"() {
        when:
        load("hosts('all') {\n  ca('lab') { dir '/tmp/ca'; passphraseFile '/tmp/ca/p' }\n}")

        then:
        def e = thrown(PkiException)
        e.diagnostics()*.summary() == ["ca 'lab' is declared in a hosts block that matches several hosts (a, b); a CA lives on exactly one host: use a pattern that matches one host"]
    }

    def "a block whose pattern matches no host is checked once, and what it finds are warnings"() {
        when:
        def playbook = load("hosts('nosuch') {\n  directory(host.vars.state_dir) { mdoe = '0700' }\n}")

        then:
        playbook.plays()[0].stepsByHost().isEmpty()
        playbook.warnings()*.summary().any { it.startsWith("unknown setting 'mdoe' in directory block") && it.endsWith("(in hosts('nosuch'), which matches no host)") }
        playbook.warnings().every { !it.isError() }
    }
}
