// examples/fleet/playbook.groovy — one CA, a certificate and a trusted root on every host of a fleet.
// Each hosts block runs once per host, so host.name and host.vars give every host its own paths.

hosts('ca') {                                   // the one host that keeps the CA
    ca('fleet') {
        dir "${vars.pki_dir}/ca"
        passphraseFile "${vars.pki_dir}/ca/secrets/passphrase.txt"
        root         { subject 'CN=Fleet Root CA';         validity years(10) }
        intermediate { subject 'CN=Fleet Intermediate CA'; validity years(5) }
    }
}

// A canary first, then five hosts at a time; stop if more than 20% of a batch fails.
hosts('web', serial: [1, 5], maxFailPercentage: 20) {
    trust ca('fleet')
    certificate("${host.name}.internal") {
        issuer ca('fleet')
        sans "${host.name}.internal", host.vars.address
        cert "/etc/ssl/fleet/${host.name}.crt"
        key  "/etc/ssl/fleet/${host.name}.key"
        fullchain "/etc/ssl/fleet/${host.name}-fullchain.crt"
        owner 'root'; group host.vars.key_group ?: 'root'; mode '0640'
        onRenew host.vars.reload ?: 'systemctl reload nginx'
    }
}
