#!/usr/bin/env bash
# bench/lib/update-floor.sh ANCHOR.crt FILE CT... — B2's third contender, the floor the issue names:
# what trusting one new anchor costs the guests themselves, with no tool in between. The anchor is
# copied into each container as FILE and `update-ca-certificates` runs there, all containers at once, from
# a shell. pki's first apply of the Phoenix scenario does this for every guest, and more (the CA,
# the dataset, the mount, nginx's certificate), so its time over this one says how close it is.
#
# Exits non-zero when any container fails; bench/lib/scenarios.sh checks the anchor is trusted.
set -euo pipefail
anchor=${1:?usage: update-floor.sh ANCHOR.crt FILE CT...} file=${2:?usage: update-floor.sh ANCHOR.crt FILE CT...}
shift 2
# A fixed script: FILE reaches it as "$1", never pasted in; the anchor comes on standard input.
script='cat > "$1" && update-ca-certificates >/dev/null'
source "$(dirname "${BASH_SOURCE[0]}")/in-ct.sh"
pids=()
for ct in "$@"; do
    # Piped, not redirected: lxc-attach would set the anchor's mode to 0700 (bench/lib/in-ct.sh).
    cat -- "$anchor" | in_ct "$ct" sh -c "$script" sh "$file" &
    pids+=("$!")
done
rc=0
for pid in "${pids[@]}"; do wait "$pid" || rc=1; done
exit "$rc"
