#!/usr/bin/env python3
"""bench/lib/jfr-summary.py FILE.jfr [N] — where a pki run spends its time, from a JFR recording
made with JAVA_TOOL_OPTIONS=-XX:StartFlightRecording=filename=FILE.jfr,settings=profile.

Prints, for CPU samples (jdk.ExecutionSample) and for samples of threads blocked in native code
(jdk.NativeMethodSample: waiting for a child process, a pipe, a socket):
  - the hottest frames (self time),
  - the hottest pki methods (inclusive: every sample with the method anywhere on its stack),
  - the library packages the CPU samples end in (groovy, bouncycastle, jdk, ...).
Each sample is ~10-20 ms of one thread."""
import collections
import json
import subprocess
import sys

path = sys.argv[1]
top_n = int(sys.argv[2]) if len(sys.argv) > 2 else 12


def events(kind):
    out = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '256', '--events', kind, path],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)['recording']['events']


def name(frame):
    return frame['method']['type']['name'].replace('/', '.') + '.' + frame['method']['name']


def package(n):
    for prefix, label in (('dev.pki.', 'pki'), ('org.codehaus.groovy', 'groovy'), ('org.apache.groovy', 'groovy'),
                          ('groovy', 'groovy'), ('groovyjarjar', 'groovy (compiler)'), ('org.bouncycastle', 'bouncycastle'),
                          ('picocli', 'picocli'), ('org.yaml', 'snakeyaml'), ('com.jcraft', 'jsch'),
                          ('java.', 'jdk'), ('jdk.', 'jdk'), ('sun.', 'jdk')):
        if n.startswith(prefix):
            return label
    return 'other'


for kind in ('jdk.ExecutionSample', 'jdk.NativeMethodSample'):
    evs = [e for e in events(kind) if e['values'].get('stackTrace')]
    print(f'== {kind}: {len(evs)} samples')
    self_c, incl, pk = collections.Counter(), collections.Counter(), collections.Counter()
    for e in evs:
        frames = [name(f) for f in e['values']['stackTrace']['frames']]
        self_c[frames[0]] += 1
        pk[package(frames[0])] += 1
        for m in set(f for f in frames if f.startswith('dev.pki.') and '$$Lambda' not in f):
            incl[m] += 1
    print('  self (top frames):')
    for m, c in self_c.most_common(top_n):
        print(f'    {c:5d} {100 * c / len(evs):5.1f}%  {m}')
    print('  inclusive (pki methods on the stack):')
    for m, c in incl.most_common(top_n):
        print(f'    {c:5d} {100 * c / len(evs):5.1f}%  {m}')
    if kind == 'jdk.ExecutionSample':
        print('  by library (self):')
        for m, c in pk.most_common():
            print(f'    {c:5d} {100 * c / len(evs):5.1f}%  {m}')
