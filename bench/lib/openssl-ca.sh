#!/usr/bin/env bash
# bench/lib/openssl-ca.sh DIR — B4's CA for the openssl contender (not timed): an EC P-256 root
# and an intermediate whose key is encrypted (AES-256) with a passphrase in DIR/passphrase.txt,
# like pki's CA. Also writes DIR/leaf.ext, the extensions of a leaf (SANs are added per leaf).
set -euo pipefail
d=$1
rm -rf "$d"; mkdir -p "$d"; umask 077
openssl rand -base64 32 > "$d/passphrase.txt"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$d/root_ca.key"
openssl req -x509 -new -key "$d/root_ca.key" -subj '/CN=Bulk Root CA' -days 3650 -sha256 \
    -addext 'basicConstraints=critical,CA:TRUE,pathlen:1' -addext 'keyUsage=critical,keyCertSign,cRLSign,digitalSignature' \
    -out "$d/root_ca.crt"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -aes-256-cbc -pass "file:$d/passphrase.txt" \
    -out "$d/intermediate_ca.key"
openssl req -new -key "$d/intermediate_ca.key" -passin "file:$d/passphrase.txt" -subj '/CN=Bulk Intermediate CA' \
    -out "$d/intermediate_ca.csr"
printf '%s\n' 'basicConstraints=critical,CA:TRUE,pathlen:0' 'keyUsage=critical,keyCertSign,cRLSign,digitalSignature' \
    'subjectKeyIdentifier=hash' 'authorityKeyIdentifier=keyid' > "$d/ca.ext"
openssl x509 -req -in "$d/intermediate_ca.csr" -CA "$d/root_ca.crt" -CAkey "$d/root_ca.key" -days 1825 -sha256 \
    -extfile "$d/ca.ext" -out "$d/intermediate_ca.crt" 2>/dev/null
printf '%s\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature' 'extendedKeyUsage=serverAuth' \
    'subjectKeyIdentifier=hash' 'authorityKeyIdentifier=keyid' > "$d/leaf.ext"
