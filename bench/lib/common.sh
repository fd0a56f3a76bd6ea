# bench/lib/common.sh — sourced by bench/run: measuring, recording, alternating contenders.
#
# Every timed run is one whole process measured from outside by /usr/bin/time -v (wall clock,
# user + system CPU, peak RSS). Each run appends one JSON line to $RUNS; bench/lib/report.py
# turns them into bench/results/latest.{md,json}.

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

json_str() { python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$1"; }

load1() { cut -d' ' -f1 /proc/loadavg; }

# record_status SCENARIO CASE STATUS REASON — a case that was skipped or failed as a whole.
record_status() {
    printf '{"type":"status","session":"%s","scenario":%s,"case":%s,"status":%s,"reason":%s}\n' \
        "$SESSION" "$(json_str "$1")" "$(json_str "$2")" "$(json_str "$3")" "$(json_str "$4")" >> "$RUNS"
    if [[ $3 == failed ]]; then FAILURES=$((FAILURES + 1)); fi
    log "$1 $2: $3: $4"
}

# timed LOG CMD... — runs CMD with stdout+stderr to LOG; sets WALL (s), CPU (s), RSS_KB, RC.
# CMD is pki or ansible-playbook, never lxc-attach itself (lxc-attach chmods the files given to it
# as stdio; see docs/testbed.md): helpers that call lxc-attach pipe its output through cat.
timed() {
    local logf=$1; shift
    local tf=$WORK/time.$$ t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -v -o "$tf" "$@" >"$logf" 2>&1 </dev/null && RC=0 || RC=$?
    t1=$(date +%s%N)
    WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    RSS_KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tf")
    CPU=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f", u + s }' "$tf")
    rm -f "$tf"
}

# What a case defines, for each contender C (pki, ansible, openssl):
#   CMD_${PFX}_${C}          array: the timed command line
#   ${PFX}_${C}_prep         function, untimed, before every run: brings the target into the case's
#                            precondition; if it fails, the case is reported as failed, not timed
#   ${PFX}_${C}_verify LOG   function, untimed, after every run: checks the outcome (converged, N
#                            certificates, ...); may call `metrics KEY VALUE...` for extra figures

# run_case SCENARIO CASE PFX CONTENDERS... — alternates the contenders run by run (ABBA order),
# WARMUP untimed-for-results rounds first, then ITERS measured rounds.
run_case() {
    local scenario=$1 case=$2 pfx=$3; shift 3
    local contenders=("$@") order round total=$((WARMUP + ITERS)) c logf warm ok note i
    local -A dead=()
    local why=""
    log "== $scenario $case: ${contenders[*]}, $WARMUP warm-up + $ITERS measured rounds"
    for ((round = 0; round < total; round++)); do
        if ((round % 2 == 0)); then order=("${contenders[@]}"); else order=(); for ((i = ${#contenders[@]} - 1; i >= 0; i--)); do order+=("${contenders[i]}"); done; fi
        warm=false; ((round < WARMUP)) && warm=true
        for c in "${order[@]}"; do
            [[ -n ${dead[$c]:-} ]] && continue   # a contender that failed once is not run again in this case
            logf=$RUNDIR/logs/${scenario}-${case// /_}-$c-$round.log
            logf=${logf//[^A-Za-z0-9_.\/=-]/_}
            if ! "${pfx}_${c}_prep" >"$logf.prep" 2>&1; then
                dead[$c]=1; why+="precondition of $c failed (round $round): $(tail -n 3 "$logf.prep" | tr '\n' ' ' | cut -c1-300); "
                log "   $c round $round: precondition FAILED (log: $logf.prep)"
                continue
            fi
            local -n cmd="CMD_${pfx}_${c}"
            timed "$logf" "${cmd[@]}"
            METRICS='{}'; note=""
            rm -f "$RUNDIR/metrics"
            if ((RC != 0)); then ok=false; note="exit $RC: $(grep -v '^\s*$' "$logf" | tail -n 2 | tr '\n' ' ' | cut -c1-300)"
            elif ! note=$("${pfx}_${c}_verify" "$logf" 2>&1); then ok=false; note="check: $(tail -n 2 <<<"$note" | tr '\n' ' ' | cut -c1-300)"
            else ok=true; [[ -f $RUNDIR/metrics ]] && METRICS=$(<"$RUNDIR/metrics"); note=""
            fi
            rm -f "$RUNDIR/metrics"
            printf '{"type":"run","session":"%s","scenario":%s,"case":%s,"contender":%s,"round":%d,"warmup":%s,"ok":%s,"wall_s":%s,"cpu_s":%s,"rss_kb":%s,"rc":%d,"load1":%s,"metrics":%s,"note":%s}\n' \
                "$SESSION" "$(json_str "$scenario")" "$(json_str "$case")" "$(json_str "$c")" "$round" "$warm" "$ok" \
                "$WALL" "$CPU" "${RSS_KB:-0}" "$RC" "$(load1)" "$METRICS" "$(json_str "$note")" >> "$RUNS"
            log "   $c round $round$([[ $warm == true ]] && echo ' (warm-up)'): ${WALL}s cpu ${CPU}s rss $((${RSS_KB:-0} / 1024))MB load $(load1) $([[ $ok == true ]] && echo ok || echo "FAILED $note")"
            if [[ $ok != true ]]; then
                dead[$c]=1; why+="$c run failed (round $round): $note (log: $logf); "
            fi
        done
    done
    if [[ -n $why ]]; then
        record_status "$scenario" "$case" failed "${why%; }"
        return 1
    fi
}

# metrics KEY VALUE... — extra figures of the current run (numbers), reported next to the time.
metrics() {
    local out='{' sep=''
    while (($# >= 2)); do out+="$sep\"$1\":$2"; sep=','; shift 2; done
    printf '%s}\n' "$out" > "$RUNDIR/metrics"
}

# Waits while another session's integration tests or scripts/testbed run (poll 30 s, 15 min max).
wait_bed_quiet() {
    local waited=0 busy
    while busy=$(pgrep -fa 'surefire|scripts/testbed' | grep -v -e "pgrep" -e "$$" || true); [[ -n $busy ]]; do
        ((waited >= 900)) && { log "test bed still busy after 15 min: $busy"; return 1; }
        log "test bed in use by another session, waiting 30 s: $(head -c 160 <<<"$busy" | tr '\n' ' ')"
        sleep 30; waited=$((waited + 30))
    done
}
