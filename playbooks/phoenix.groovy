// playbooks/phoenix.groovy — the Phoenix homelab
def shared = '/mnt/pve/quickOS/lxc-persistent-data'

hosts('pve') {
    zfsDataset('quickOS/lxc-persistent-data') {
        mountpoint shared
        property 'compression', 'on'
    }
    directory("$shared/103/ssl") { mode '0700' }
    container('103') {
        bindMount "$shared/103/ssl", at: '/etc/step-ca/ssl'
    }
}

hosts('ca') {                                  // ct103, reached through pve
    ca('phoenix') {
        dir '/etc/step-ca/ssl/ca'
        passphraseFile '/etc/step-ca/ssl/secrets/passphrase.txt'
        root         { subject 'CN=Phoenix Root CA';         validity years(10) }
        intermediate { subject 'CN=Phoenix Intermediate CA'; validity years(5) }
    }
    file('/etc/step-ca/ssl/phoenix_root_ca.crt') {     // lands on the shared ZFS volume
        content ca('phoenix').rootCertificate
        mode '0644'
    }
}

hosts('guests') {
    trust ca('phoenix')        // /usr/local/share/ca-certificates/phoenix.crt + update-ca-certificates
}

hosts('pve') {
    certificate('nginx.internal') {
        issuer ca('phoenix')
        sans 'nginx.internal', 'pve.internal'
        cert '/etc/nginx/ssl/nginx.crt'
        key  '/etc/nginx/ssl/nginx.key'
        owner 'root'; group 'www-data'; mode '0640'
        renewBefore hours(12)
        onRenew vars.nginx_reload ?: 'systemctl reload nginx'
    }
}
