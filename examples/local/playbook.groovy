// examples/local/playbook.groovy — a private CA and an nginx certificate on this machine
def out = vars.out ?: 'build/local-pki'

hosts('localhost') {
    ca('lab') {
        dir "$out/ca"
        passphraseFile "$out/ca/secrets/passphrase.txt"   // generated, mode 0600, on first init
        root         { subject 'CN=Lab Root CA, O=Lab';         validity years(10) }
        intermediate { subject 'CN=Lab Intermediate CA, O=Lab'; validity years(5) }
    }

    directory "$out/trust"
    file("$out/trust/lab_root_ca.crt") {
        content ca('lab').rootCertificate
        mode '0644'
    }

    directory "$out/nginx"
    certificate('nginx.internal') {
        issuer ca('lab')
        sans 'nginx.internal', 'www.internal', '10.0.0.12'
        cert "$out/nginx/nginx.crt"
        key  "$out/nginx/nginx.key"
        mode '0640'
        validity days(90)
        renewBefore hours(12)
        onRenew "date > $out/nginx/reloaded"
    }
}
