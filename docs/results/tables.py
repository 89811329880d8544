#!/usr/bin/env python3
"""Markdown tables for docs/results.md from a grid's CSVs (written by `counterweight grid`).
Usage: tables.py SUMMARY.csv [RATIO ...]      one table per imbalance ratio, mean ± sample std (n − 1)
       tables.py --gains CLASS_GAINS.csv RATIO  per-class recall change against the baseline (mean over seeds)"""
import csv
import sys

METRICS = [("accuracy", "accuracy"), ("macro_f1", "macro-F1"), ("balanced_accuracy", "balanced acc."),
           ("head_accuracy", "head acc."), ("medium_accuracy", "medium acc."), ("tail_accuracy", "tail acc.")]


def cell(row, key):
    mean, std = row.get(key + "_mean", ""), row.get(key + "_std", "")
    if mean in ("", None):
        return "–"
    text = f"{float(mean):.3f}"
    return text + (f" ± {float(std):.3f}" if std not in ("", None) else "")


def gains(path, u):
    rows = [r for r in csv.DictReader(open(path)) if r["imbalance"] == u]
    remedies = list(dict.fromkeys(r["remedy"] for r in rows))
    classes = list(dict.fromkeys((int(r["class_id"]), r["class"]) for r in rows))
    print(f"\n**u = {u}: recall change per class against the baseline** (classes largest first)\n")
    print("| class | baseline recall | " + " | ".join(remedies) + " |")
    print("|---|---|" + "---|" * len(remedies))
    for cid, name in sorted(classes):
        by = {r["remedy"]: r for r in rows if int(r["class_id"]) == cid}
        base = float(next(iter(by.values()))["baseline_recall"])
        print(f"| {name} | {base:.3f} | " + " | ".join(f"{float(by[m]['recall_gain']):+.3f}" if m in by else "–" for m in remedies) + " |")


def main():
    if sys.argv[1] == "--gains":
        gains(sys.argv[2], sys.argv[3])
        return
    rows = list(csv.DictReader(open(sys.argv[1])))
    ratios = sys.argv[2:] or sorted({r["imbalance"] for r in rows}, key=lambda u: -float(u))
    for u in ratios:
        print(f"\n**u = {u}**\n")
        print("| remedy | n | " + " | ".join(label for _, label in METRICS) + " |")
        print("|---|---|" + "---|" * len(METRICS))
        for r in rows:
            if r["imbalance"] != u or r["n"] in ("0", ""):
                continue
            print(f"| {r['remedy']} | {r['n']} | " + " | ".join(cell(r, k) for k, _ in METRICS) + " |")


if __name__ == "__main__":
    main()
