#!/usr/bin/env bash
# Does `counterweight bench` with no options measure the steady state? Runs, alternating, the old defaults
# (5 warm-up steps, 30 timed), the new ones (6,400 images each) and a long reference (32,000 warm-up,
# 12,800 timed) and prints each figure and the medians. Usage: MODEL=lenet REPEATS=3 bench/warmup-defaults.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=${MODEL:-lenet}
REPEATS=${REPEATS:-3}
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
bin/counterweight --version >/dev/null   # builds the jar once
declare -A runs=([old]="--warmup 5 --iterations 30" [new]="" [reference]="--warmup-images 32000 --images 12800")
declare -A figures
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); model $MODEL"
for rep in $(seq 1 "$REPEATS"); do
  for kind in old new reference; do
    # shellcheck disable=SC2086
    ips=$(bin/counterweight bench --model "$MODEL" ${runs[$kind]} --json 2>/dev/null | grep '^{' \
          | sed 's/.*"train_images_per_second":\([0-9.]*\).*/\1/')
    echo "rep $rep $kind: $ips images/s"
    figures[$kind]="${figures[$kind]:-} $ips"
  done
done
for kind in old new reference; do
  median=$(echo "${figures[$kind]}" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  echo "median $kind: $median images/s"
done
