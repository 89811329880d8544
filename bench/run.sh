#!/usr/bin/env bash
# Counterweight vs PyTorch, side by side, same networks, batch and thread count, on this machine.
# Usage: bench/run.sh                       (all: lenet+study, batch 32+128, 1+2 threads, 3 repeats)
#        MODELS=study BATCHES=32 THREADS=1 REPEATS=5 bench/run.sh
#        CONV=dl4j bench/run.sh             (DL4J's own ConvolutionLayer: the "before" figures)
# Needs root for the one-time `apt-get install python3-torch` (Debian); CI and users never need torch.
# Prints a table of min/median/max images/s and DL4J/PyTorch ratios; raw JSON lines go to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
MODELS=${MODELS:-"lenet study"}
BATCHES=${BATCHES:-"32 128"}
THREADS=${THREADS:-"1 2"}
REPEATS=${REPEATS:-3}
CONV=${CONV:-auto}            # auto | onednn | java | dl4j
JAVA_EXTRA=${JAVA_EXTRA:-}    # more JVM options for the DL4J side, e.g. -Dcounterweight.directGradient=false
IMAGES=${IMAGES:-6400}        # images per timed phase (per repeat); as many again for warm-up
# (DL4J needs seconds of warm-up for the JIT: with 10 warm-up steps LeNet measured 20-30% slower)
PY=/usr/bin/python3
# Sleeping (not spinning) OpenMP workers: on a 2-core machine shared with other work, spinning workers
# made 2-thread runs 5-10x slower than 1-thread ones (docs/performance.md). Same setting for both sides.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

# python3-torch links the system libblas.so.3; without libopenblas0-pthread that is Debian's reference
# BLAS, which made PyTorch's dense layers ~10x slower (an unfair reference). Install both.
if ! $PY -c "import torch" 2>/dev/null || ! readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 | grep -q openblas; then
  echo "installing python3-torch + libopenblas0-pthread (Debian packages, for the reference only)..." >&2
  (apt-get update -q && apt-get install -y -q python3-torch libopenblas0-pthread) >/dev/null 2>&1 \
    || { echo "could not install python3-torch/libopenblas0-pthread: run as root on Debian, or install them yourself" >&2; exit 1; }
fi

mvn -q -B -o compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null 2>&1 \
  || mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
CP="target/classes:$(cat target/bench-cp.txt)"

mkdir -p bench/results
OUT="bench/results/$(date -u +%Y%m%dT%H%M%SZ).jsonl"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; OMP_WAIT_POLICY=$OMP_WAIT_POLICY, conv=$CONV; results -> $OUT" >&2

for rep in $(seq 1 "$REPEATS"); do
  for model in $MODELS; do
    for batch in $BATCHES; do
      iters=$(( (IMAGES + batch - 1) / batch ))
      for t in $THREADS; do
        load=$(cut -d' ' -f1 /proc/loadavg)
        extra=(); [ "$CONV" = dl4j ] && extra=(--standard-conv)
        j=$(OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t MKL_NUM_THREADS=$t java --add-modules jdk.incubator.vector -Dcounterweight.conv="$CONV" $JAVA_EXTRA -cp "$CP" \
              io.counterweight.cli.BenchCommand --model "$model" --batch "$batch" --threads "$t" \
              --warmup "$iters" --iterations "$iters" --json "${extra[@]}" 2>/dev/null | grep '^{' || true)
        [ -n "$j" ] || { echo "DL4J run failed: $model batch $batch threads $t" >&2; continue; }
        p=$(OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t $PY bench/torch_reference.py --model "$model" --batch "$batch" --threads "$t" \
              --warmup "$iters" --iterations "$iters")
        echo "{\"rep\":$rep,\"load\":$load,\"dl4j\":$j,\"torch\":$p}" | tee -a "$OUT" >&2
      done
    done
  done
done
$PY bench/summarize.py "$OUT"
