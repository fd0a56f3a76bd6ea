// bench/playbooks/bulk.groovy — B4: a CA plus N EC P-256 leaf certificates with SANs in one directory.
// vars: out (directory, required), n (number of certificates, default 1000)
def out = vars.out ?: { throw new IllegalArgumentException('-e out=DIR is required') }()
int n = (vars.n ?: '1000') as int

hosts('localhost') {
    ca('bulk') {
        dir "$out/ca"
        passphraseFile "$out/ca/secrets/passphrase.txt"
        root         { subject 'CN=Bulk Root CA';         validity years(10) }
        intermediate { subject 'CN=Bulk Intermediate CA'; validity years(5) }
    }
    directory "$out/certs"
    (1..n).each { i ->
        certificate("svc${i}.internal") {
            issuer ca('bulk')
            keyType 'ec-p256'
            sans "svc${i}.internal", "svc${i}", "10.1.${i.intdiv(250)}.${i % 250 + 1}"
            cert "$out/certs/svc${i}.crt"
            key  "$out/certs/svc${i}.key"
            validity days(90)
        }
    }
}
