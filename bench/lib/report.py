#!/usr/bin/env python3
"""bench/lib/report.py WORK RESULTS README — turns WORK/runs.jsonl (one JSON line per timed run,
per JMH benchmark and per skipped/failed case) and WORK/machine.json into RESULTS/latest.json and
RESULTS/latest.md, and copies the Markdown table into README between the results markers."""
import json
import os
import statistics
import sys
from collections import OrderedDict

work, results, readme = sys.argv[1], sys.argv[2], sys.argv[3]
name = sys.argv[4] if len(sys.argv) > 4 else 'latest'   # latest, or quick for a smoke run
import glob

machines = {}
for f in sorted(glob.glob(os.path.join(work, 'machine-*.json'))):
    m = json.load(open(f))
    machines[m['session']] = m
machine = machines[max(machines)]
lines = [json.loads(l) for l in open(os.path.join(work, 'runs.jsonl')) if l.strip()]
# bench/run --append: a case (or JMH) run again in a later session replaces its earlier figures
latest = {}
for l in lines:
    key = ('jmh',) if l['type'] == 'jmh' else (l['scenario'], l['case'])
    latest[key] = max(latest.get(key, ''), l['session'])
lines = [l for l in lines if l['session'] == latest[('jmh',) if l['type'] == 'jmh' else (l['scenario'], l['case'])]]
sessions_used = sorted({l['session'] for l in lines})

ORDER = {'B1': 1, 'B2': 2, 'B3': 3, 'B4': 4, 'B5': 5, 'B6': 6}
cases = OrderedDict()
for l in lines:
    if l['type'] not in ('run', 'status'):
        continue
    key = (l['scenario'], l['case'])
    c = cases.setdefault(key, {'scenario': l['scenario'], 'case': l['case'], 'runs': [], 'status': 'ok', 'reason': '',
                               'session': l['session']})
    if l['type'] == 'status':
        c['status'], c['reason'] = l['status'], l['reason']
    else:
        c['runs'].append(l)
jmh = [l for l in lines if l['type'] == 'jmh']


def stats(values):
    if not values:
        return None
    return {'median': round(statistics.median(values), 3), 'min': round(min(values), 3), 'max': round(max(values), 3), 'n': len(values)}


out_cases = []
for (scen, case), c in sorted(cases.items(), key=lambda kv: (ORDER.get(kv[0][0], 9), list(cases).index(kv[0]))):
    measured = [r for r in c['runs'] if not r['warmup'] and r['ok']]
    contenders = list(OrderedDict.fromkeys(r['contender'] for r in c['runs']))
    per = OrderedDict()
    for who in contenders:
        rs = [r for r in measured if r['contender'] == who]
        metric_names = sorted({k for r in rs for k in r['metrics']})
        per[who] = {
            'wall_s': stats([r['wall_s'] for r in rs]),
            'cpu_s': stats([r['cpu_s'] for r in rs]),
            'peak_rss_mb': round(max((r['rss_kb'] for r in rs), default=0) / 1024, 1),
            'metrics': {k: stats([r['metrics'][k] for r in rs if k in r['metrics']]) for k in metric_names},
            'load1': stats([r['load1'] for r in rs]),
        }
    # pki against each other contender, pair by pair (runs of the same round); 'ratio' is the first
    ratios = OrderedDict()
    by_round = {}
    for r in measured:
        by_round.setdefault(r['round'], {})[r['contender']] = r['wall_s']
    for other in (w for w in contenders if w != 'pki' and 'pki' in per):
        pairs = [v['pki'] / v[other] for v in by_round.values() if 'pki' in v and other in v and v[other] > 0]
        if pairs:
            ratios[other] = {'other': other, 'pki_over_other': stats(pairs),
                             'speedup_median': round(statistics.median(1 / p for p in pairs), 1)}
    ratio = next(iter(ratios.values()), None)
    status = c['status'] if c['status'] != 'ok' or measured else 'failed'
    if status == 'failed' and not c['reason']:
        c['reason'] = 'no successful measured run'
    out_cases.append({'scenario': scen, 'case': case, 'status': status, 'reason': c['reason'], 'session': c['session'],
                      'contenders': per, 'ratio': ratio, 'ratios': ratios})

# --append where the earlier raw runs are not (bench/.work is not in git: a fresh clone, another
# machine): the cases and JMH figures of the committed report that this run did not measure are
# carried over as they stand, with their sessions (a case from before sessions were recorded per
# case brings every session of its report).
previous = os.path.join(results, name + '.json')
if os.environ.get('BENCH_APPEND') == 'true' and os.path.exists(previous):
    before = json.load(open(previous))
    have = {(c['scenario'], c['case']) for c in out_cases}
    carried = [c for c in before.get('cases', []) if (c['scenario'], c['case']) not in have]
    if not jmh:
        jmh = before.get('jmh', [])
        carried_sessions = {j['session'] for j in jmh}
    else:
        carried_sessions = set()
    for c in carried:
        c.setdefault('ratios', {c['ratio']['other']: c['ratio']} if c.get('ratio') else {})
        carried_sessions |= {c['session']} if c.get('session') else set(before.get('sessions', {}))
    out_cases = sorted(out_cases + carried, key=lambda c: ORDER.get(c['scenario'], 9))   # stable: this run's first
    for k in carried_sessions:
        machines.setdefault(k, before['sessions'].get(k))
    sessions_used = sorted(set(sessions_used) | {k for k in carried_sessions if machines.get(k)})


def find(scen, pred):
    for c in out_cases:
        if c['scenario'] == scen and pred(c['case']) and c['status'] == 'ok':
            return c
    return None


def speedup(c):
    return c['ratio']['speedup_median'] if c and c['ratio'] else None


targets = []


def target(name, goal, value, met, note=''):
    """met: True, False, or None for a figure the issue sets no threshold for (and when not measured)."""
    if value == 'not measured' or value.startswith('not measured:'):
        met = None
    targets.append({'target': name, 'goal': goal, 'measured': value, 'met': met, 'note': note})


DAEMON = 'PKI_DAEMON=1'
for daemon in (False, True):
    how = ', ' + DAEMON if daemon else ''
    for kind, label in (('plan', 'converged plan'), ('apply', 'converged apply')):
        c = find('B1', lambda s, k=kind: s.startswith('N=20 ') and k in s and (DAEMON in s) == daemon)
        s = speedup(c)
        target('B1 ' + label + ' at N=20' + how, '>= 20x faster than Ansible', f'{s}x' if s else 'not measured', bool(s and s >= 20))
    c = (find('B3', lambda s: s.startswith('N=20 ') and 'plan' in s and (DAEMON in s) == daemon)
         or find('B3', lambda s: 'plan' in s and (DAEMON in s) == daemon))
    s = speedup(c)
    target('B3 plan with one SAN pending' + (f" ({c['case'].split()[0]})" if c else '') + how, '>= 20x faster than --check --diff',
           f'{s}x' if s else 'not measured', bool(s and s >= 20))
c = find('B2', lambda s: s.startswith('N=20 ')) or find('B2', lambda s: True)
s = speedup(c)
target('B2 first apply' + (f" ({c['case'].split()[0]})" if c else ''), '>= 5x faster than Ansible', f'{s}x' if s else 'not measured',
       bool(s and s >= 5))
f = c and c['ratios'].get('floor')
if f:   # the "get close to that floor": measured and shown, with no threshold of our own
    q = f['pki_over_other']
    target(f"B2 first apply against the guests' update floor ({c['case'].split()[0]})",
           "close to the floor: every guest's update-ca-certificates, from a shell",
           f"pki/floor {q['median']:.2f} ({q['min']:.2f}–{q['max']:.2f})", None)
for daemon in (False, True):
    c = find('B4', lambda s: s.startswith('N=1000 ') and (DAEMON in s) == daemon)
    s = speedup(c)
    target('B4 bulk issuance, N=1000' + (', ' + DAEMON if daemon else ''), '>= 30x faster than the openssl loop',
           f'{s}x' if s else 'not measured', bool(s and s >= 30))
raw = next((j for j in jmh if j['benchmark'] == 'RawSigning.keygenSignPem'), None)
for daemon in (False, True):
    how = ', ' + DAEMON if daemon else ''
    mode = [c for c in out_cases if c['scenario'] == 'B4' and c['status'] == 'ok' and (DAEMON in c['case']) == daemon
            and c['contenders'].get('pki', {}).get('wall_s')]
    c4 = next((c for c in mode if c['case'].startswith('N=1000 ')), mode[0] if mode else None)
    if raw and c4:
        n = int(c4['case'].split()[0][2:])
        per_cert_us = c4['contenders']['pki']['wall_s']['median'] / n * 1e6
        f = per_cert_us / raw['us_per_op']
        # the cost of one more certificate, without start-up and the CA: the slope between two N
        small = [c for c in mode if c is not c4]
        slope = ''
        if small:
            n2 = int(small[0]['case'].split()[0][2:])
            if n2 != n:
                d = (c4['contenders']['pki']['wall_s']['median'] - small[0]['contenders']['pki']['wall_s']['median']) / (n - n2) * 1e6
                slope = f"; marginal {d:.0f} us per certificate (N={n2}->{n}) = {d / raw['us_per_op']:.1f}x"
        target(f"B4 within 3x of raw signing ({c4['case'].split()[0]}{how})", 'pki time per certificate <= 3x JMH RawSigning.keygenSignPem',
               f"{per_cert_us:.0f} us vs {raw['us_per_op']:.0f} us = {f:.1f}x (whole run / N){slope}", f <= 3)
    elif not daemon:
        target('B4 within 3x of raw signing', 'pki time per certificate <= 3x JMH RawSigning.keygenSignPem', 'not measured', False)
b5 = [c for c in out_cases if c['scenario'] == 'B5' and c['status'] == 'ok']
if b5:
    rts = [c['contenders']['pki']['metrics'].get('round_trips_per_host', {}) or {} for c in b5]
    worst = max((r.get('max', 0) for r in rts), default=None)
    pts = [(int(c['case'].split()[0][2:]), c['contenders']['pki']['wall_s']['median']) for c in b5]
    pts.sort()
    growth = ''
    linear = True
    if len(pts) >= 2:
        (h0, t0), (h1, t1) = pts[0], pts[-1]
        growth = f'; {h0}->{h1} hosts: x{t1 / t0:.2f} time for x{h1 / h0:.0f} hosts'
        linear = t1 / t0 <= 1.25 * h1 / h0
    target('B5 plan over SSH', '<= 2 round trips per host, time ~linear in hosts', f'max {worst} round trips/host{growth}',
           bool(worst is not None and worst <= 2 and linear))
else:
    reason = next((c['reason'] for c in out_cases if c['scenario'] == 'B5'), 'not run')
    target('B5 plan over SSH', '<= 2 round trips per host, time ~linear in hosts', 'not measured: ' + reason, False)
c = find('B6', lambda s: s.startswith('validate'))
v = c['contenders']['pki']['wall_s']['median'] if c else None
target('B6 start-up (validate phoenix)', '< 1 s wall', f'{v} s' if v is not None else 'not measured', bool(v is not None and v < 1))

doc = {'machine': machine, 'sessions': {k: machines[k] for k in sessions_used if k in machines}, 'cases': out_cases,
       'jmh': jmh, 'targets': targets}
os.makedirs(results, exist_ok=True)
with open(os.path.join(results, name + '.json'), 'w') as f:
    json.dump(doc, f, indent=1)
    f.write('\n')


def fmt(s, unit='s'):
    if not s:
        return '—'
    if s['n'] == 1:
        return f"{s['median']:.2f} {unit}"
    return f"{s['median']:.2f} ({s['min']:.2f}–{s['max']:.2f}) {unit}"


def cpu(p):
    s = p.get('cpu_s') if p else None
    return f"{s['median']:.2f} s" if s else '—'


def extra(per):
    bits = []
    for who, p in per.items():
        for k, v in p['metrics'].items():
            if v:
                bits.append(f"{who} {k.replace('_', ' ')} {v['median']:g}")
    return '; '.join(bits)


md = []
md.append('| Scenario | Case | pki: median (min–max) | other | other: median (min–max) | pki/other per pair: median (min–max) | speed-up | CPU pki / other (median) | pki peak RSS | extra |')
md.append('|---|---|---|---|---|---|---|---|---|---|')
for c in out_cases:
    per = c['contenders']
    p = per.get('pki', {})
    others = [w for w in per if w != 'pki']
    status = ''
    if c['status'] != 'ok':
        status = f"**{c['status']}**: {c['reason'][:400]}"
    # one row per other contender (B2 has two: Ansible and the guests' floor)
    for i, who in enumerate(others or [None]):
        o = per.get(who, {}) if who else {}
        r = c['ratios'].get(who) if who else None
        ratio = '—'
        if r and r['pki_over_other']:
            q = r['pki_over_other']
            ratio = f"{q['median']:.3f} ({q['min']:.3f}–{q['max']:.3f})" if q['n'] > 1 else f"{q['median']:.3f}"
        md.append(f"| {c['scenario']} | {c['case']} | {fmt(p.get('wall_s'))} | {who or '—'} | {fmt(o.get('wall_s'))} | "
                  f"{ratio} | {str(r['speedup_median']) + '×' if r else '—'} | {cpu(p)}{' / ' + cpu(o) if who else ''} | "
                  f"{str(p.get('peak_rss_mb', '—')) + ' MB' if p and p.get('wall_s') else '—'} | "
                  f"{'; '.join(x for x in (status, extra(per if i == 0 else {who: o})) if x)} |")
if jmh:
    md.append('')
    md.append('JMH (in-process, one thread; the limit for B4): time per operation')
    md.append('')
    md.append('| Benchmark | µs/op | ± error | certificates/s |')
    md.append('|---|---|---|---|')
    for j in jmh:
        err = f"{j['error_us']:.1f}" if isinstance(j.get('error_us'), (int, float)) and j['error_us'] == j['error_us'] else '—'
        md.append(f"| {j['benchmark']} | {j['us_per_op']:.1f} | {err} | {1e6 / j['us_per_op']:.0f} |")
md.append('')
md.append('Targets of issue 6:')
md.append('')
md.append('| Target | Goal | Measured | Met |')
md.append('|---|---|---|---|')
for t in targets:
    md.append(f"| {t['target']} | {t['goal']} | {t['measured']} | {'—' if t['met'] is None else 'yes' if t['met'] else '**no**'} |")
m = machine
mach = (f"Machine: {m['cores']} cores ({m['cpu']}), {m['memory_mib'] // 1024} GiB, {m['os']}, kernel {m['kernel']}; "
        f"{m['java']}; {m['ansible']} (community.general {m['collections'].get('community.general', '?')}, "
        f"community.crypto {m['collections'].get('community.crypto', '?')}); {m['openssl']}. "
        + (f"Starting a process (fork + exec of /bin/true) takes {m['process_start_ms']} ms. " if 'process_start_ms' in m else '') +
        f"pki's JVM options `{m['pki_jvm_options']}`. "
        f"{m['iterations']} measured run(s) per contender after {m['warmup']} warm-up round(s), contenders alternated "
        f"run by run. Run {', '.join(machines[k]['date'] + ' (load ' + machines[k]['load_at_start'][0] + ', pki ' + machines[k]['pki_commit'] + ' jar ' + machines[k]['pki_jar_sha256'][:8] + ')' for k in sessions_used if k in machines)}"
        f"{' with --quick' if m['quick'] else ''}.")
table = '\n'.join(md)
with open(os.path.join(results, name + '.md'), 'w') as f:
    f.write('# Latest benchmark results\n\nMade by `bench/run` (see bench/README.md). Times are whole-process wall '
            'clock from outside (`/usr/bin/time -v`), in seconds; "speed-up" is the median of other/pki over the '
            'pairs of runs.\n\n' + mach + '\n\n' + table + '\n')

begin, end = '<!-- results:begin -->', '<!-- results:end -->'
# The README shows a whole picture: only a report with every scenario (a full run, or runs put
# together with --append) replaces its table; a CI smoke run never does.
complete = {c['scenario'] for c in out_cases} >= {'B1', 'B2', 'B3', 'B4', 'B5', 'B6'}
if os.path.exists(readme) and not machine['quick'] and complete:
    text = open(readme).read()
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        _, tail = rest.split(end, 1)
        open(readme, 'w').write(head + begin + '\n' + mach + '\n\n' + table + '\n' + end + tail)
