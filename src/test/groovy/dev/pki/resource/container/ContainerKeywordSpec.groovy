package dev.pki.resource.container

import dev.pki.diag.PkiException
import dev.pki.dsl.PlaybookLoader
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/** The container block as written in playbooks: settings, defaults and the errors for wrong ones. */
class ContainerKeywordSpec extends Specification {

    @TempDir
    Path dir

    private List load(String source) {
        Path file = dir.resolve('playbook.groovy')
        Files.writeString(file, source)
        PlaybookLoader.load(file, [:]).plays().collectMany { it.steps() }
    }

    private List errorsOf(String source) {
        try {
            load(source)
        } catch (PkiException e) {
            return e.diagnostics()
        }
        throw new AssertionError('expected the playbook to be rejected')
    }

    def "the Phoenix block declares a bind mount with defaults restart true, no ensure, detected platform"() {
        when:
        def steps = load('''
            def shared = '/mnt/pve/quickOS/lxc-persistent-data'
            hosts('localhost') {
                container('103') {
                    bindMount "$shared/103/ssl", at: '/etc/step-ca/ssl'
                }
            }''')

        then:
        steps.size() == 1
        ContainerResource r = steps[0]
        r.address().toString() == 'container 103'
        r.spec() == new ContainerSpec('103', [new BindMount('/mnt/pve/quickOS/lxc-persistent-data/103/ssl', '/etc/step-ca/ssl')], true, false, null)
    }

    def "every setting is read; a numeric ID and trailing slashes are accepted"() {
        when:
        def steps = load('''
            hosts('localhost') {
                container(103) {
                    bindMount '/srv/a/', at: '/a/'
                    bindMount('/srv/b', at: '/b')
                    restart false
                    ensure 'running'
                    platform 'pct'
                }
            }''')

        then:
        steps[0].spec() == new ContainerSpec('103', [new BindMount('/srv/a', '/a'), new BindMount('/srv/b', '/b')], false, true, Platform.PCT)
    }

    @Unroll
    def "#what is an error at its line"() {
        when:
        def errors = errorsOf("hosts('localhost') {\n  container('103') {\n    $line\n  }\n}")

        then:
        errors.size() == 1
        errors[0].location().line() == 3
        errors[0].summary().contains(message)
        errors[0].suggestion() == suggestion

        where:
        what                     | line                                   | message                                                 | suggestion
        'an unknown state'       | "ensure 'runing'"                      | "unknown container state 'runing' for ensure"           | 'Did you mean "running"?'
        'an unknown platform'    | "platform 'pxc'"                       | "unknown platform 'pxc': expected 'lxc' or 'pct'"       | 'Did you mean "lxc"?'
        'a non-boolean restart'  | "restart 'no'"                         | 'wrong value for restart in container block'            | ''
        'a missing target'       | "bindMount '/srv/x'"                   | 'bindMount needs a source and a target'                 | ''
        'a mistyped option'      | "bindMount '/srv/x', as: '/x'"         | "unknown option 'as' of bindMount"                      | 'Did you mean "at"?'
        'a relative source'      | "bindMount 'srv/x', at: '/x'"          | "bindMount source 'srv/x' must be an absolute path"     | ''
        'a relative target'      | "bindMount '/srv/x', at: 'x'"          | "bindMount target 'x' must be an absolute path"         | ''
        'the root as target'     | "bindMount '/srv/x', at: '/'"          | "bindMount target '/' must be an absolute path"         | ''
        'a mistyped setting'     | "bindMout '/srv/x', at: '/x'"          | "unknown setting 'bindMout' in container block"         | 'Did you mean "bindMount"?'
        'a mistyped assignment'  | "restrat = false"                      | "unknown setting 'restrat' in container block"         | 'Did you mean "restart"?'
    }

    def "a target declared twice is an error"() {
        expect:
        errorsOf("hosts('localhost') {\n  container('103') {\n    bindMount '/a', at: '/x'\n    bindMount '/b', at: '/x'\n  }\n}")[0]
                .summary() == 'bindMount target /x is declared twice in this container block'
    }

    def "a name that is not a plain name is an error"() {
        expect:
        errorsOf("hosts('localhost') {\n  container('../etc') { }\n}")[0].summary() == "invalid container name '../etc': expected a name or ID such as '103'"
        errorsOf("hosts('localhost') {\n  container('ca') { platform 'pct' }\n}")[0].summary() == "container 'ca': Proxmox VE container IDs are numbers, e.g. container('103')"
    }
}
