#!/usr/bin/env python3
"""bench/lib/collapsed-summary.py FILE.collapsed [THREAD] [N] — where one thread's wall-clock time
went, from async-profiler's collapsed stacks made with `threads` (bench/lib/wall-profile.sh).

Prints, for the thread (default: main) and every sample (1 ms each in wall-clock mode):
  - the pki methods on its stack (inclusive: all time spent in or below them),
  - the frames it was in (self: running, or waiting in a system call, a lock or a GC pause),
  - the time of each thread, to see what ran beside it."""
import collections
import sys

path = sys.argv[1]
thread = sys.argv[2] if len(sys.argv) > 2 else 'main'
top_n = int(sys.argv[3]) if len(sys.argv) > 3 else 25

per_thread, inclusive, self_time = collections.Counter(), collections.Counter(), collections.Counter()
for line in open(path):
    stack, _, count = line.rstrip('\n').rpartition(' ')
    frames, samples = stack.split(';'), int(count)
    name = frames[0].strip('[]').split(' tid=')[0]
    per_thread[name] += samples
    if name != thread:
        continue
    self_time[frames[-1]] += samples
    for frame in set(frames):
        if frame.startswith('dev/pki/') or frame.startswith('Playbook_'):
            inclusive[frame] += samples

total = per_thread[thread]
print(f'== thread {thread}: {total} samples')
print('  inclusive (pki methods on the stack):')
for frame, samples in inclusive.most_common(top_n):
    print(f'    {samples:5d} {100 * samples / max(total, 1):5.1f}%  {frame}')
print('  self (innermost frame):')
for frame, samples in self_time.most_common(top_n):
    print(f'    {samples:5d} {100 * samples / max(total, 1):5.1f}%  {frame}')
print('== threads (samples):')
for name, samples in per_thread.most_common(12):
    print(f'    {samples:5d}  {name}')
