package dev.pki.dsl

import dev.pki.diag.Diagnostic
import dev.pki.diag.PkiException
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Path

/** Every playbook error names the file, the line and what is wrong, with at most one suggestion. */
class PlaybookErrorsSpec extends Specification {

    @TempDir
    Path dir

    private List<Diagnostic> errorsOf(String source) {
        Path file = dir.resolve('playbook.groovy')
        java.nio.file.Files.writeString(file, source)
        try {
            PlaybookLoader.load(file, [:])
        } catch (PkiException e) {
            return e.diagnostics()
        }
        throw new AssertionError('expected the playbook to be rejected')
    }

    @Unroll
    def "#what is reported at line #line"() {
        when:
        def errors = errorsOf(source)

        then:
        errors.size() == 1
        errors[0].location().line() == line
        errors[0].location().file().endsWith('playbook.groovy')
        errors[0].summary().contains(message)
        errors[0].suggestion() == suggestion

        where:
        what                       | line | message                                          | suggestion                   | source
        'a mistyped assignment'    | 4    | "unknown setting 'mdoe' in file block"           | 'Did you mean "mode"?'       | "hosts('localhost') {\n  file('/tmp/x') {\n    content 'x'\n    mdoe = '0640'\n  }\n}"
        'a mistyped setting'       | 3    | "unknown setting 'mdoe' in file block"           | 'Did you mean "mode"?'       | "hosts('localhost') {\n  file('/tmp/x') {\n    mdoe '0640'\n    content 'x'\n  }\n}"
        'an unknown block'         | 2    | "unknown block 'certifcate'"                     | 'Did you mean "certificate"?' | "hosts('localhost') {\n  certifcate('x') { }\n}"
        'an invalid mode'          | 3    | "invalid mode '0999'"                            | ''                           | "hosts('localhost') {\n  file('/tmp/x') {\n    mode '0999'\n    content 'x'\n  }\n}"
        'a numeric mode'           | 2    | 'wrong value for mode in directory block'        | ''                           | "hosts('localhost') {\n  directory('/tmp/x') { mode 0640 }\n}"
        'an invalid SAN'           | 4    | "invalid SAN 'bad_name!' in certificate block: label 'bad_name!' is not a valid DNS label" | '' | CERT.replace('SANS', "'ok.internal', 'bad_name!'")
        'a mistyped IPv4 SAN'      | 4    | "invalid SAN '10.0.0.256' in certificate block: not a valid IPv4 address" | '' | CERT.replace('SANS', "'10.0.0.256'")
        'a wrong value type'       | 5    | 'wrong value for validity in certificate block' | ''                           | CERT.replace('SANS', "'ok.internal'").replace('cert ', 'validity 90\n    cert ')
        'an unknown key type'      | 5    | "unknown keyType 'ec-p265'"                      | 'Did you mean "ec-p256"?'    | CERT.replace('SANS', "'ok.internal'").replace('cert ', "keyType 'ec-p265'\n    cert ")
        'an undeclared CA'         | 3    | "ca('nope') is not declared"                     | ''                           | "hosts('localhost') {\n  file('/tmp/x') {\n    content ca('nope').rootCertificate\n  }\n}"
        'a mistyped CA reference'  | 10   | "ca('lba') is not declared"                      | 'Did you mean "lab"?'        | CA + "hosts('localhost') {\n  file('/tmp/x') {\n    content ca('lba').rootCertificate\n  }\n}"
        'a duplicate CA'           | 9    | "ca 'lab' is declared twice"                     | ''                           | CA + "hosts('localhost') {\n  ca('lab') { dir '/tmp/b'; passphraseFile '/tmp/b/p' }\n}"
        'two passphrase sources'   | 2    | "ca 'lab' has both passphraseFile and passphraseEnv; choose one" | ''           | CA.replace("passphraseFile '/tmp/a/p'", "passphraseFile '/tmp/a/p'\n    passphraseEnv 'LAB_PASS'")
        'renewBefore >= validity'  | 2    | 'renewBefore 90d is not shorter than validity'  | ''                           | CERT.replace('SANS', "'ok.internal'").replace('cert ', 'renewBefore days(90)\n    cert ')
        'a zero lifetime in a block' | 5  | 'days(n) needs a positive whole number, got 0'  | ''                           | CERT.replace('SANS', "'ok.internal'").replace('cert ', 'validity days(0)\n    cert ')
        'a zero lifetime at the top' | 1  | 'hours(n) needs a positive whole number, got 0' | ''                           | "def h = hours(0)\nhosts('localhost') {\n}"
        'an unknown hosts option'  | 1    | "unknown option 'seriel' for hosts"              | 'Did you mean "serial"?'     | "hosts('localhost', seriel: 2) {\n}"
        'a syntax error'           | 3    | 'syntax error'                                   | ''                           | "hosts('localhost') {\n  file('/tmp/x') {\n"
        'a bad property value'     | 2    | "unknown name 'undefinedThing'"                  | ''                           | "hosts('localhost') {\n  directory('/tmp/x') { mode undefinedThing }\n}"
    }

    def "several errors in one playbook are reported together, in line order"() {
        when:
        def errors = errorsOf("""hosts('localhost') {
  file('/tmp/x') {
    content 'x'
    mdoe = '0640'
  }
  file('/tmp/y') {
    content 'y'
    mode '0999'
  }
  certifcate('z') { }
}""")

        then:
        errors*.location()*.line() == [4, 8, 10]
    }

    def "a typo inside a nested block suggests from that block's settings"() {
        when:
        def errors = errorsOf(CA.replace("subject 'CN=Root'", "subjekt 'CN=Root'"))

        then:
        errors.size() == 1
        errors[0].summary() == "unknown setting 'subjekt' in root block"
        errors[0].suggestion() == 'Did you mean "subject"?'
        errors[0].location().line() == 5
    }

    def "the local example loads without errors"() {
        when:
        def playbook = PlaybookLoader.load(Path.of('examples/local/playbook.groovy'), [out: dir.toString()])

        then:
        playbook.plays().size() == 1
        playbook.plays()[0].steps()*.address()*.toString() == [
                'ca lab', "directory $dir/trust", "file $dir/trust/lab_root_ca.crt", "directory $dir/nginx", 'certificate nginx.internal']*.toString()
    }

    def "an assignment at the top of the script stays an ordinary Groovy variable"() {
        given:
        Path file = dir.resolve('ok.groovy')
        java.nio.file.Files.writeString(file, "base = '/tmp/pki-spec'\nhosts('localhost') { directory(\"\$base/x\") { mode '0700' } }")

        expect:
        PlaybookLoader.load(file, [:]).plays()[0].steps()[0].address().name() == '/tmp/pki-spec/x'
    }

    def "sans accepts exactly what a certificate can carry, underscores and IPv6 included"() {
        given:
        Path file = dir.resolve('sans.groovy')
        java.nio.file.Files.writeString(file, CERT.replace('SANS', "'_acme-challenge.lab.internal', 'svc_a.internal', '*.internal', '2001:db8::1'"))

        expect:
        PlaybookLoader.load(file, [:]).plays()[0].steps()[0].spec().sans() == ['_acme-challenge.lab.internal', 'svc_a.internal', '*.internal', '2001:db8::1']
    }

    @Unroll
    def "a playbook named #name loads like any other"() {
        given:
        Path file = dir.resolve(name)
        java.nio.file.Files.writeString(file, "def out = vars.out ?: '/tmp/default'\nhosts('localhost') {\n  directory(\"\$out/x\") { mode '0700' }\n}")

        when:
        def playbook = PlaybookLoader.load(file, [out: '/srv/o'])

        then:
        playbook.plays()[0].steps()*.address()*.toString() == ['directory /srv/o/x']

        where:
        name << ['vars.groovy', 'int.groovy', 'my-playbook.groovy', '1st.groovy', 'hosts.groovy']
    }

    @Unroll
    def "an error in a playbook named #name is reported with that file's name and line"() {
        given:
        Path file = dir.resolve(name)
        java.nio.file.Files.writeString(file, "def out = vars.out ?: '/tmp/default'\nhosts('localhost') {\n  directory(\"\$out/x\") { mdoe '0700' }\n}")

        when:
        PlaybookLoader.load(file, [:])

        then:
        PkiException e = thrown()
        e.diagnostics().size() == 1
        e.diagnostics()[0].location().file() == file.toAbsolutePath().normalize().toString()
        e.diagnostics()[0].location().toString() == "$name line 3"
        e.diagnostics()[0].summary() == "unknown setting 'mdoe' in directory block"

        where:
        name << ['vars.groovy', 'int.groovy', 'my-playbook.groovy', '1st.groovy']
    }

    def "a LinkageError while running the playbook is a diagnostic at its line, not a crash"() {
        when:
        def errors = errorsOf("hosts('localhost') { }\nthrow new LinkageError('boom')\n")

        then:
        errors.size() == 1
        errors[0].location().line() == 2
        errors[0].summary() == 'cannot run playbook: LinkageError: boom'
    }

    static final String CA = """hosts('localhost') {
  ca('lab') {
    dir '/tmp/a'
    passphraseFile '/tmp/a/p'
    root { subject 'CN=Root' }
  }
}
"""

    static final String CERT = CA.replace("hosts('localhost') {", "hosts('localhost') {\n  certificate('c') {\n    issuer ca('lab')\n    sans SANS\n    cert '/tmp/c.crt'\n    key '/tmp/c.key'\n  }")
}
