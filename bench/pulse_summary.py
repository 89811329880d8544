#!/usr/bin/env python3
"""Summarises pulse logs of app.common.PulseMonitor (bench/pulse.sh) per phase.

Phases, from the log's marks: each data load (load-start .. load-end + 2 s, so the first display of
the loaded set counts), each training run (run-start .. the monitor's GC after run-end, which waits
0.5 s for the run's last redraws) and the full GC the monitor requests after a run (reported apart:
it is the measurement's own doing). Pulse lines cover the second (or less) before their t; a line
belongs to a phase when its t falls inside it. Percentiles are exact to 1 ms (histograms merged).
Usage: bench/pulse_summary.py LOG...
"""
import re
import statistics
import sys
from collections import Counter, defaultdict

LOAD_TAIL = 2.0
LONG_GAP = 67  # PulseStats.LONG_GAP_MILLIS: gaps this long or longer have their own `gap` line


def parse(path):
    """Pulse lines (t, max, slow, histogram, long gaps) and marks. A monitor that writes `gap` lines (each
    gap of LONG_GAP ms or more, with the time it ended) writes them after the pulse line whose histogram holds
    them: they are attached to it, so a long gap can be placed in its phase to the millisecond."""
    pulses, marks = [], []
    for line in open(path):
        kv = dict(re.findall(r"(\w+)=(\S+)", line))
        if line.startswith("pulse "):
            hist = Counter()
            if kv["hist"] != "-":
                for part in kv["hist"].split(","):
                    ms, n = part.split(":")
                    hist[int(ms)] += int(n)
            pulses.append((float(kv["t"]), float(kv["max"]), int(kv["slow"]), hist, []))
        elif line.startswith("gap ") and pulses:
            pulses[-1][4].append((float(kv["t"]), float(kv["ms"])))
        elif line.startswith("mark "):
            fields = line.split()
            marks.append((float(kv["t"]), fields[3], kv))
    exact = any(p[4] for p in pulses)
    return pulses, marks, exact


def phases(marks):
    out, open_ = [], {}
    runs = loads = 0
    for t, name, kv in marks:
        if name in ("load-start", "run-start"):
            open_[name[:-6]] = t
        elif name == "load-end" and "load" in open_:
            loads += 1
            out.append((f"load {loads}", open_.pop("load"), t + LOAD_TAIL, None))
        elif name == "run-end" and "run" in open_:
            runs += 1
            out.append([f"run {runs}", open_.pop("run"), None, None])
        elif name == "gc":
            gc_run = next((p for p in reversed(out) if isinstance(p, list) and p[2] is None), None)
            if gc_run is not None:
                gc_run[2] = t
                gc_run[3] = kv
    return [tuple(p) for p in out if p[2] is not None]


def stats(pulses, start, end, exact=False):
    """Gaps, longest, p99 and gaps over 100 ms of the pulse lines in (start, end]. A pulse line covers the
    second before it, so without `gap` lines a long gap up to a second before the phase counts in it. With
    them (exact), each long gap counts where it ended: those that ended before the phase are taken out of
    its histogram, and those of the first line after it that ended within it are added."""
    hist, longest, slow, long_in = Counter(), 0.0, 0, []
    for i, (t, mx, s, h, gaps) in enumerate(pulses):
        if start < t <= end:
            if not exact:
                hist.update(h)
                longest = max(longest, mx)
                slow += s
                continue
            hh = Counter(h)
            for te, ms in gaps:
                if te <= start:
                    hh[min(int(ms), 1999)] -= 1
                else:
                    long_in.append(ms)
            hist.update(+hh)
            short = [ms for ms, n in hh.items() if n > 0 and ms < LONG_GAP]
            longest = max([longest] + short)
        elif exact and t > end and (i == 0 or pulses[i - 1][0] <= end):
            long_in += [ms for te, ms in gaps if start < te <= end]
    if exact:
        longest = max([longest] + long_in)
        slow = sum(1 for ms in long_in if ms > 100)
    n = sum(hist.values())
    p99 = 0
    if n:
        need, seen = -(-99 * n // 100), 0
        for ms in sorted(hist):
            seen += hist[ms]
            if seen >= need:
                p99 = ms
                break
    return n, longest, p99, slow


def gc_line(pulses, after):
    nxt = [p for p in pulses if p[0] > after]
    return nxt[0][1] if nxt else float("nan")


def main(paths):
    per_kind = defaultdict(list)
    memory = defaultdict(list)
    for path in paths:
        pulses, marks, exact = parse(path)
        loads = [l.split()[3] for l in open(path) if l.startswith("loadavg ")]
        print(f"== {path}" + (f"   (1-min load average of the machine at start/end: {' / '.join(loads)})" if loads else ""))
        print(f"   {'phase':8} {'s':>6} {'gaps':>6} {'longest ms':>10} {'p99 ms':>6} {'>100 ms':>7}   memory after the run's GC")
        for name, start, end, gc in phases(marks):
            n, longest, p99, slow = stats(pulses, start, end, exact)
            mem = ""
            if gc:
                mem = f"heap {float(gc['heapAfterGc']):.0f} MB, RSS {float(gc['rss']):.0f} MB (GC {gc['gcMs']} ms, stall {gc_line(pulses, end):.0f} ms)"
                memory[name].append((float(gc["heapAfterGc"]), float(gc["rss"])))
            print(f"   {name:8} {end - start:6.1f} {n:6d} {longest:10.1f} {p99:6d} {slow:7d}   {mem}")
            if name.startswith("run"):
                kind = "training (each run)"
            elif "fashion" in path:
                kind = "fashion-mnist at start" if name == "load 1" else "fashion-mnist reload"
            else:
                kind = "demo at start"
            per_kind[kind].append((longest, p99, slow))
    print("\n== over all logs: longest gap per phase, median [min-max]; p99; gaps > 100 ms in all")
    for kind, rows in per_kind.items():
        longest = [r[0] for r in rows]
        p99 = [r[1] for r in rows]
        print(f"   {kind:20} n={len(rows):2d}  longest {statistics.median(longest):.0f} [{min(longest):.0f}-{max(longest):.0f}] ms"
              f"  p99 {statistics.median(p99):.0f} [{min(p99)}-{max(p99)}] ms  >100 ms: {sum(r[2] for r in rows)}")
    if memory:
        print("\n== after each run (full GC): heap MB, RSS MB, median [min-max] over logs")
        for name in sorted(memory, key=lambda s: int(s.split()[1])):
            h = [m[0] for m in memory[name]]
            r = [m[1] for m in memory[name]]
            print(f"   {name:6} heap {statistics.median(h):.0f} [{min(h):.0f}-{max(h):.0f}]  RSS {statistics.median(r):.0f} [{min(r):.0f}-{max(r):.0f}]")


if __name__ == "__main__":
    main(sys.argv[1:])
