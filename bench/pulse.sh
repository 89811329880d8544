#!/usr/bin/env bash
# Is the window responsive? Runs the real window under Xvfb with the pulse log on
# (-Dcounterweight.pulseLog, app.common.PulseMonitor) and drives it like a user:
#   session "demo":    the window opens on the demo set (fast-demo recipe); a click on the Training tab,
#                      then RUNS times: Start, wait for the run's end (its run-end mark; the monitor then
#                      does a full GC and logs heap after GC and RSS), Start again.
#   session "fashion": `gui /usr/share/datasets/fashion-mnist` (60,000 + 10,000 IDX images) opens it on
#                      the Data tab at start (load 1, while the window paints its first frames); wait for
#                      the load's end and IDLE s, then open it again from the Recent menu (load 2, in a
#                      window already up) and wait IDLE s more; RELOADS times (default 1).
# Each session in a scratch workspace with scratch preferences (recent folders, workspace choice); logs to bench/results/pulse-STAMP-repN-SESSION.log, summary by
# bench/pulse_summary.py. Usage: REPEATS=3 RUNS=5 bench/pulse.sh
# KEEP_OUTPUT=1 keeps the window's stdout/stderr beside the log (.out).
# JAVA_EXTRA adds JVM options (e.g. a JFR recording; -Dcounterweight.warmup=false: no JIT warm-up); DISPLAY_NUM picks the Xvfb display (default :57).
# Needs Xvfb, xdotool, imagemagick (screenshots) and dataset-fashion-mnist (Debian); installs them if root.
set -euo pipefail
cd "$(dirname "$0")/.."
REPEATS=${REPEATS:-3}
RUNS=${RUNS:-5}
IDLE=${IDLE:-5}
RELOADS=${RELOADS:-1}
SESSIONS=${SESSIONS:-"demo fashion"}
DISPLAY_NUM=${DISPLAY_NUM:-57}
FASHION=${FASHION:-/usr/share/datasets/fashion-mnist}
JAVA_EXTRA=${JAVA_EXTRA:-}
STAMP=${STAMP:-$(date -u +%Y%m%dT%H%M%SZ)}
OUT=bench/results
# Window geometry: 1600x1000 screen; the 1536x940 stage is centred at (32,20). Tab and button centres
# from a screenshot of that layout.
TRAINING_TAB="526 94"
START_BUTTON="1236 175"
RECENT_BUTTON="260 153"
RECENT_FIRST_ITEM="334 194"

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v import >/dev/null || need+=(imagemagick)
[ -d "$FASHION" ] || need+=(dataset-fashion-mnist)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} ..." >&2
  (apt-get update -q && apt-get install -y -q "${need[@]}") >/dev/null 2>&1 || { echo "cannot install ${need[*]}: run as root on Debian" >&2; exit 1; }
fi

export DISPLAY=":$DISPLAY_NUM"
XVFB_PID=""
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT
if ! xdotool getdisplaygeometry >/dev/null 2>&1; then
  Xvfb "$DISPLAY" -screen 0 1600x1000x24 >/dev/null 2>&1 &
  XVFB_PID=$!
  sleep 2
fi
bin/counterweight inspect demo >/dev/null # builds the jar if the sources are newer

marks() { grep -c " $2 " "$1" 2>/dev/null || true; }
wait_mark() { # LOG EVENT COUNT TIMEOUT_S
  for _ in $(seq 1 "$4"); do
    [ "$(marks "$1" "$2")" -ge "$3" ] && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "the window died" >&2; return 1; }
    sleep 1
  done
  echo "timed out waiting for $2 #$3 in $1" >&2; return 1
}

session() { # REP NAME [ARG]
  local log="$OUT/pulse-$STAMP-rep$1-$2.log" ws; ws=$(mktemp -d /tmp/counterweight-pulse-ws.XXXXXX)
  rm -f "$log"
  COUNTERWEIGHT_WORKSPACE="$ws" COUNTERWEIGHT_JAVA_OPTS="-Xmx4g -Dorg.bytedeco.javacpp.maxbytes=8G \
    -Dorg.bytedeco.javacpp.maxphysicalbytes=12G -Djava.util.prefs.userRoot=$ws/prefs \
    -Dcounterweight.pulseLog=$PWD/$log $JAVA_EXTRA" \
    bin/counterweight gui ${3:-} >"$ws/window.out" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 60); do [ -s "$log" ] && break; sleep 1; done
  echo "loadavg $(date -u +%FT%TZ) start $(cat /proc/loadavg)" >>"$log" # the machine's load: the window shares it
  wait_mark "$log" load-end 1 300
  # The window's JIT warm-up (one throw-away epoch, app.training.WarmUp) starts with the first data;
  # a user rarely presses Start within its few seconds, so the script waits for its end (when it runs).
  case "$JAVA_EXTRA" in *counterweight.warmup=false*) ;; *) wait_mark "$log" warmup-end 1 300 ;; esac
  if [ "$2" = demo ]; then
    sleep 3
    xdotool mousemove $TRAINING_TAB click 1
    sleep 1
    for r in $(seq 1 "$RUNS"); do
      xdotool mousemove $START_BUTTON click 1
      wait_mark "$log" run-end "$r" 600
      sleep 2 # the GC after the run, and a quiet second
      find "$ws" -name result.json | grep -q . || { echo "no result.json in $ws" >&2; return 1; }
    done
    [ "$(find "$ws" -name result.json | wc -l)" -eq "$RUNS" ] || { echo "expected $RUNS result.json files in $ws" >&2; return 1; }
  else
    sleep "$IDLE"
    for r in $(seq 1 "$RELOADS"); do
      xdotool mousemove $RECENT_BUTTON click 1
      sleep 1
      xdotool mousemove $RECENT_FIRST_ITEM click 1
      wait_mark "$log" load-end $((r + 1)) 300
      sleep "$IDLE"
    done
  fi
  echo "loadavg $(date -u +%FT%TZ) end $(cat /proc/loadavg)" >>"$log"
  import -window root "$OUT/pulse-$STAMP-rep$1-$2.png" 2>/dev/null || true
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  [ -n "${KEEP_OUTPUT:-}" ] && cp "$ws/window.out" "${log%.log}.out" # e.g. JavaFX's own pulse log (-Djavafx.pulseLogger=true)
  rm -rf "$ws"
  echo "$log"
}

logs=()
for rep in $(seq 1 "$REPEATS"); do
  for s in $SESSIONS; do
    if [ "$s" = fashion ]; then logs+=("$(session "$rep" fashion "$FASHION")"); else logs+=("$(session "$rep" demo)"); fi
  done
done
python3 bench/pulse_summary.py "${logs[@]}" | tee "$OUT/pulse-$STAMP-summary.txt"
