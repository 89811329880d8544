#!/usr/bin/env bash
# Young-GC pauses while a data set loads: runs bench/LoadGc.java REPEATS times against a built jar (its
# lib/ next to it) with the window's GC options (-Xmx4g, G1, 30 ms pause goal) and prints, per repeat, the
# load time and the pauses between the LOAD-START and LOAD-END markers, with the load average.
# Usage: bench/load_gc.sh [JAR] [DATA]   (defaults: target/counterweight.jar, /usr/share/datasets/fashion-mnist)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${1:-$ROOT/target/counterweight.jar}"
DATA="${2:-/usr/share/datasets/fashion-mnist}"
CP="$JAR:$(dirname "$JAR")/lib/*"
# Compiled first, so that javac's own garbage (the source launcher's) does not land in the measured pauses.
CLASSES="$(mktemp -d)"
trap 'rm -rf "$CLASSES"' EXIT
javac -d "$CLASSES" -cp "$CP" "$ROOT/bench/LoadGc.java"
for r in $(seq 1 "${REPEATS:-3}"); do
  out="$(java -Xmx4g -XX:+UseG1GC -XX:MaxGCPauseMillis=30 -Xlog:gc -cp "$CLASSES:$CP" LoadGc "$DATA")"
  # Every pause between the markers (young ones, and any remark, cleanup or full collection), e.g. "Young 41.5ms".
  pauses="$(sed -n '/LOAD-START/,/LOAD-END/p' <<<"$out" | sed -n 's/.*Pause \([A-Za-z]*\).* \([0-9.]*ms\)$/\1 \2/p' | paste -sd, -)"
  load="$(grep -o 'LOAD-END [0-9]* ms' <<<"$out" | awk '{print $2}')"
  n="$(awk -F, '{print NF}' <<<"$pauses")"
  echo "repeat $r: load ${load} ms; GC pauses during the load: $n [${pauses}]; loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
done
