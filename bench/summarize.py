#!/usr/bin/env python3
"""Summarises bench/run.sh JSON lines: min/median/max images/s for DL4J and PyTorch and of their ratio
(per repeat, DL4J / PyTorch measured back to back), plus images per CPU-second (load-robust for 1 thread)."""
import json, statistics, sys
from collections import defaultdict

rows = [json.loads(l) for f in sys.argv[1:] for l in open(f) if l.strip()]
g = defaultdict(list)
for r in rows:
    d, t = r["dl4j"], r["torch"]
    g[(d["model"], d["batch"], d["threads"])].append(r)


def mmm(xs):
    return f"{min(xs):7.0f} {statistics.median(xs):7.0f} {max(xs):7.0f}"


print(f"{'model':6} {'batch':>5} {'thr':>3} | {'DL4J train min/med/max':>23} | {'PyTorch train min/med/max':>25} |"
      f" {'ratio min/med/max':>17} | {'DL4J/CPU-s':>10} {'torch/CPU-s':>11} | {'DL4J infer':>10} {'pipeline':>9} | load")
for key in sorted(g):
    rs = g[key]
    dl = [r["dl4j"]["train_images_per_second"] for r in rs]
    th = [r["torch"]["train_images_per_second"] for r in rs]
    ratio = [a / b for a, b in zip(dl, th)]
    cpu_d = [r["dl4j"].get("train_images_per_cpu_second", 0) for r in rs]
    cpu_t = [r["torch"].get("train_images_per_cpu_second", 0) for r in rs]
    inf = [r["dl4j"]["inference_images_per_second"] for r in rs]
    pipe = [r["dl4j"]["pipeline_images_per_second"] for r in rs]
    loads = [r["load"] for r in rs]
    print(f"{key[0]:6} {key[1]:5} {key[2]:3} | {mmm(dl)} | {mmm(th):>25} | "
          f"{min(ratio):5.2f} {statistics.median(ratio):5.2f} {max(ratio):5.2f} | "
          f"{statistics.median(cpu_d):10.0f} {statistics.median(cpu_t):11.0f} | "
          f"{statistics.median(inf):10.0f} {statistics.median(pipe):9.0f} | {min(loads):.1f}-{max(loads):.1f}")
print(f"backend: {rows[0]['dl4j']['backend']}; {rows[0]['torch']['backend']}; {len(rows)} runs")
