#!/usr/bin/env python3
"""Markdown tables for docs/results.md from a grid's summary.csv (written by `counterweight grid`).
Usage: tables.py SUMMARY.csv [RATIO ...]  — one table per imbalance ratio, mean ± sample std (n − 1)."""
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


def main():
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
