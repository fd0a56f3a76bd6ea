# bench/lib/in-ct.sh — sourced by bench/lib/scenarios.sh and bench/lib/update-floor.sh.
# in_ct NAME CMD... — a command in a container, with a clean environment. Its output goes through a
# pipe, and callers pipe its input: lxc-attach sets the files it is given as stdio to mode 0700
# (docs/testbed.md, "Pitfalls"). Returns lxc-attach's exit code.
in_ct() { local n=$1; shift; lxc-attach -n "$n" --clear-env --set-var PATH=/usr/sbin:/usr/bin:/sbin:/bin -- "$@" 2>&1 | cat; return "${PIPESTATUS[0]}"; }
