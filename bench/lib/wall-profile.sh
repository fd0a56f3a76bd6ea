#!/usr/bin/env bash
# bench/lib/wall-profile.sh OUT.collapsed -- PKI-ARGS...
#
# Runs one pki command (bin/pki, so with its JVM options and class-data-sharing archive) under
# async-profiler in wall-clock mode: every thread sampled every millisecond whatever it is doing
# (running, waiting for a child process, a lock, the disk), which is what start-up and fact
# reading need; JFR samples only threads running Java code. Then prints where the main thread's
# time went (bench/lib/collapsed-summary.py).
#
# async-profiler comes from Maven Central (tools.profiler:async-profiler, its jar carries the
# native library), fetched once by Maven and unpacked into bench/.work/async-profiler/.
# Env: PKI_JAR (the jar to profile, as bin/pki takes it), PKI_BENCH_WORK.
#
#   bench/lib/wall-profile.sh /tmp/b1.collapsed -- plan bench/.work/phoenix.groovy -i bench/.work/inventory-bed-20.yml
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
WORK=${PKI_BENCH_WORK:-$BENCH/.work}
VERSION=3.0
out=${1:?usage: wall-profile.sh OUT.collapsed -- PKI-ARGS...}
shift
[[ ${1:-} == -- ]] && shift

lib=$WORK/async-profiler/$VERSION/linux-x64/libasyncProfiler.so
if [[ ! -f $lib ]]; then
    jar=$HOME/.m2/repository/tools/profiler/async-profiler/$VERSION/async-profiler-$VERSION.jar
    [[ -f $jar ]] || mvn -q -B -ntp dependency:get -Dartifact="tools.profiler:async-profiler:$VERSION" >&2
    mkdir -p "$WORK/async-profiler/$VERSION"
    unzip -q -o "$jar" linux-x64/libasyncProfiler.so -d "$WORK/async-profiler/$VERSION"
fi

PKI_JAVA_OPTS="${PKI_JAVA_OPTS:-} -agentpath:$lib=start,event=wall,interval=1ms,threads,collapsed,file=$out" \
    "$ROOT/bin/pki" "$@" >/dev/null || true
python3 "$BENCH/lib/collapsed-summary.py" "$out"
