#!/usr/bin/env bash
# bench/lib/openssl-bulk.sh CA_DIR OUT N — B4's openssl contender (timed): what a shell script
# does for N EC P-256 leaf certificates with SANs (the same names as bench/playbooks/bulk.groovy):
# per certificate one `openssl genpkey`, one `openssl req`, one `openssl x509 -req` (signed by the
# intermediate of bench/lib/openssl-ca.sh, whose encrypted key it reads with -passin).
set -euo pipefail
ca=$1 out=$2 n=$3
mkdir -p "$out/certs"; umask 077
for ((i = 1; i <= n; i++)); do
    base=$out/certs/svc$i
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$base.key"
    openssl req -new -key "$base.key" -subj "/CN=svc$i.internal" -out "$base.csr"
    { cat "$ca/leaf.ext"; echo "subjectAltName=DNS:svc$i.internal,DNS:svc$i,IP:10.1.$((i / 250)).$((i % 250 + 1))"; } > "$base.ext"
    openssl x509 -req -in "$base.csr" -CA "$ca/intermediate_ca.crt" -CAkey "$ca/intermediate_ca.key" \
        -passin "file:$ca/passphrase.txt" -days 90 -sha256 -extfile "$base.ext" -out "$base.crt" 2>/dev/null
    rm -f "$base.csr" "$base.ext"
done
