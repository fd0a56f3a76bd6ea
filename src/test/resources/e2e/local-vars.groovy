// The local example with the knobs the end-to-end test turns from the command line (-e).
def out = vars.out
def sanList = (vars.sans ?: 'nginx.internal,www.internal,10.0.0.12').split(',')

hosts('localhost') {
    ca('lab') {
        dir "$out/ca"
        passphraseFile "$out/ca/secrets/passphrase.txt"
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
        sans(*sanList)
        cert "$out/nginx/nginx.crt"
        key  "$out/nginx/nginx.key"
        fullchain "$out/nginx/fullchain.crt"
        mode '0640'
        validity days((vars.validityDays ?: '90') as int)
        renewBefore hours((vars.renewHours ?: '12') as int)
        onRenew "echo renewed >> $out/nginx/reloaded"
    }
    certificate('client.internal') {
        issuer ca('lab')
        usage 'client'
        cert "$out/nginx/client.crt"
        key  "$out/nginx/client.key"
    }
}
