#!/usr/bin/env bash
# Per-platform resolution check (docs/platforms.md). For each supported platform it resolves the project's
# dependencies with -Djavacpp.platform=<p> (mvn dependency:list: the jars are downloaded, about 60-130 MB
# a platform not yet in ~/.m2) and checks that
#   - the resolution succeeds,
#   - the expected native jars are there (nd4j-native, nd4j-native-preset, javacpp, openblas, the four
#     JavaFX modules, each with <p>'s classifier),
#   - no jar carries any other classifier (so no other platform's natives),
#   - the platform-<p> profile is active and no host-* profile.
# Then -Pcuda: linux-x86_64 resolves (nd4j-cuda-11.6 + the CPU backend, one platform; about 610 MB the first
# time), macosx-arm64 fails (nd4j-cuda-11.6 has no macOS build) - unless --no-cuda.
# Then the host-* profile activation: Maven started with a faked os.name/os.arch (offline, as a faked OS
# breaks the JVM's networking; the jars were resolved above) must evaluate javacpp.platform, nd4j.classifier
# and javafx.platform to the expected values, and resolve the faked Mac's natives.
# Exit code 0 when every check passed, 1 otherwise. Usage: docs/platforms/resolve-platforms.sh [--no-cuda]
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
CUDA=yes
[ "${1:-}" = "--no-cuda" ] && CUDA=no

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FAILED=0
pass() { printf '  PASS  %s\n' "$*"; }
fail() { printf '  FAIL  %s\n' "$*"; FAILED=1; }
skip() { printf '  SKIP  %s\n' "$*"; }
strip() { sed 's/\x1b\[[0-9;]*m//g'; }   # Maven's colour resets, which -q -DforceStdout still prints

# The expected builds, written out here independently of pom.xml (this script checks the pom).
declare -A ND4J=([linux-x86_64]=linux-x86_64-onednn [linux-arm64]=linux-arm64 [macosx-x86_64]=macosx-x86_64-onednn
                 [macosx-arm64]=macosx-arm64 [windows-x86_64]=windows-x86_64-onednn)
declare -A FX=([linux-x86_64]=linux [linux-arm64]=linux-aarch64 [macosx-x86_64]=mac [macosx-arm64]=mac-aarch64
               [windows-x86_64]=win)
PLATFORMS=(linux-x86_64 linux-arm64 macosx-x86_64 macosx-arm64 windows-x86_64)

# check_list <file> <platform> <extra allowed classifier...>: the native jars of <platform> and nothing else.
check_list() {
  local list="$1" p="$2"; shift 2
  local allowed=" $p ${ND4J[$p]} ${FX[$p]} $* " ok=1 coords cls
  # dependency:list lines: group:artifact:type:classifier:version:scope (5 fields when there is no classifier)
  local natives
  natives="$(grep -E '^ +[^ ]+:[^ ]+:jar:[^: ]+:[^: ]+:[a-z]+' "$list" | awk '{print $1}' | awk -F: 'NF==6' | sort)"
  while IFS= read -r coords; do
    [ -z "$coords" ] && continue
    cls="$(cut -d: -f4 <<< "$coords")"
    case "$allowed" in
      *" $cls "*) ;;
      *) fail "$p: $coords has a classifier of another platform or build"; ok=0 ;;
    esac
  done <<< "$natives"
  local want
  for want in "org.nd4j:nd4j-native:jar:${ND4J[$p]}" "org.nd4j:nd4j-native-preset:jar:$p" "org.bytedeco:javacpp:jar:$p" \
              "org.bytedeco:openblas:jar:$p" "org.openjfx:javafx-base:jar:${FX[$p]}" "org.openjfx:javafx-graphics:jar:${FX[$p]}" \
              "org.openjfx:javafx-controls:jar:${FX[$p]}" "org.openjfx:javafx-fxml:jar:${FX[$p]}"; do
    grep -q "^$want:" <<< "$natives" || { fail "$p: $want missing"; ok=0; }
  done
  [ "$ok" = 1 ] && pass "$p: natives only for $p: $(tr '\n' ' ' <<< "$natives" | sed 's/:compile//g; s/ $//')"
  return 0
}

echo "Counterweight platform resolution check, $(date -u +%Y-%m-%dT%H:%MZ)"
echo "host: $(uname -s) $(uname -m); $(mvn -v 2>/dev/null | strip | head -1); Java $(java -version 2>&1 | head -1)"
echo

echo "1. Resolution per platform (mvn -Djavacpp.platform=<p> dependency:list)"
for p in "${PLATFORMS[@]}"; do
  if ! mvn -B -q -Djavacpp.platform="$p" dependency:list -DoutputFile="$WORK/$p.txt" >"$WORK/$p.log" 2>&1; then
    fail "$p: resolution failed: $(grep -m1 'ERROR' "$WORK/$p.log" | strip)"
    continue
  fi
  check_list "$WORK/$p.txt" "$p"
  profiles="$(mvn -B -Djavacpp.platform="$p" help:active-profiles 2>/dev/null | strip | grep -oE '^ - [a-z0-9_.-]+' | sed 's/^ - //' | sort | tr '\n' ' ')"
  case " $profiles" in
    *" platform-$p "*) if grep -q 'host-' <<< "$profiles"; then fail "$p: a host profile is active too: $profiles"; else pass "$p: active profiles: $profiles"; fi ;;
    *) fail "$p: platform-$p not active: $profiles" ;;
  esac
done
echo

echo "2. The CUDA profile"
if [ "$CUDA" = yes ]; then
  if mvn -B -q -Pcuda -Djavacpp.platform=linux-x86_64 dependency:list -DoutputFile="$WORK/cuda.txt" >"$WORK/cuda.log" 2>&1; then
    check_list "$WORK/cuda.txt" linux-x86_64
    for want in "org.nd4j:nd4j-cuda-11.6:jar:linux-x86_64" "org.bytedeco:cuda:jar:linux-x86_64" "org.nd4j:nd4j-native:jar:linux-x86_64-onednn"; do
      if grep -q " $want:" "$WORK/cuda.txt"; then pass "-Pcuda linux-x86_64: has $want"; else fail "-Pcuda linux-x86_64: $want missing"; fi
    done
  else
    fail "-Pcuda linux-x86_64: resolution failed: $(grep -m1 'ERROR' "$WORK/cuda.log" | strip)"
  fi
  if mvn -B -q -Pcuda -Djavacpp.platform=macosx-arm64 dependency:list -DoutputFile="$WORK/cuda-mac.txt" >"$WORK/cuda-mac.log" 2>&1; then
    fail "-Pcuda macosx-arm64 resolved, but nd4j-cuda-11.6 has no macOS build (docs/platforms.md is wrong)"
  elif grep -q 'nd4j-cuda-11.6:jar:macosx-arm64' "$WORK/cuda-mac.log"; then
    pass "-Pcuda macosx-arm64 fails as documented: org.nd4j:nd4j-cuda-11.6:jar:macosx-arm64 not on Maven Central"
  else
    fail "-Pcuda macosx-arm64 failed for another reason: $(grep -m1 'ERROR' "$WORK/cuda-mac.log" | strip)"
  fi
else
  skip "-Pcuda (--no-cuda)"
fi
echo

echo "3. Host profile activation from os.name/os.arch (no -Djavacpp.platform; Maven offline)"
mvn -B -q help:evaluate -Dexpression=javacpp.platform -DforceStdout >/dev/null 2>&1   # resolve the help plugin online first

# A Maven whose lib/ lacks jansi: with os.name=Windows* jansi calls Windows' console API and Maven dies before
# it starts. Only for the faked Windows host; built from the installed Maven's own files (symlinks).
NOJANSI=""
MVN_REAL="$(readlink -f "$(command -v mvn)")"
MHOME="$(dirname "$(dirname "$MVN_REAL")")"
if [ -d "$MHOME/lib" ] && [ -d "$MHOME/boot" ] && [ -f "$MHOME/bin/m2.conf" ]; then
  mkdir -p "$WORK/mvn/bin" "$WORK/mvn/lib"
  cp "$MHOME/bin/mvn" "$WORK/mvn/bin/" && ln -s "$(readlink -f "$MHOME/bin/m2.conf")" "$WORK/mvn/bin/m2.conf"
  ln -s "$(readlink -f "$MHOME/boot")" "$WORK/mvn/boot"; ln -s "$(readlink -f "$MHOME/conf")" "$WORK/mvn/conf"
  for j in "$MHOME"/lib/*; do case "$(basename "$j")" in *jansi*) ;; *) ln -s "$(readlink -f "$j")" "$WORK/mvn/lib/" ;; esac; done
  NOJANSI="$WORK/mvn/bin/mvn"
fi

# fake <label> <how: MAVEN_OPTS|JAVA_TOOL_OPTIONS (quotes allowed)|NOJANSI (JAVA_TOOL_OPTIONS, jansi-free Maven)> <jvm options> <expected javacpp.platform> [extra mvn args]
fake() {
  local label="$1" how="$2" opts="$3" want="$4"; shift 4
  local mvn=mvn got nd fx
  if [ "$how" = NOJANSI ]; then
    [ -n "$NOJANSI" ] || { skip "$label: no jansi-free copy of Maven could be made"; return; }
    mvn="$NOJANSI"; how=JAVA_TOOL_OPTIONS
  fi
  ev() { env "$how=$opts" "$mvn" -o -q "$@" help:evaluate -DforceStdout 2>/dev/null | strip; }
  got="$(ev "$@" -Dexpression=javacpp.platform)"
  nd="$(ev "$@" -Dexpression=nd4j.classifier)"
  fx="$(ev "$@" -Dexpression=javafx.platform)"
  local wnd="${ND4J[$want]:-$want}" wfx="${FX[$want]:-$want}"
  if [ "$got" = "$want" ] && [ "$nd" = "$wnd" ] && [ "$fx" = "$wfx" ]; then
    pass "$label -> javacpp.platform=$got nd4j.classifier=$nd javafx.platform=$fx"
  else
    fail "$label -> javacpp.platform=$got nd4j.classifier=$nd javafx.platform=$fx (expected $want $wnd $wfx)"
  fi
}
fake 'MAVEN_OPTS="-Dos.name=MacOSX -Dos.arch=aarch64"' MAVEN_OPTS "-Dos.name=MacOSX -Dos.arch=aarch64" macosx-arm64
fake 'os.name="Mac OS X" os.arch=aarch64 (a real Apple-silicon JVM)' JAVA_TOOL_OPTIONS '"-Dos.name=Mac OS X" -Dos.arch=aarch64' macosx-arm64
fake 'os.name="Mac OS X" os.arch=x86_64 (a real Intel-Mac JVM)' JAVA_TOOL_OPTIONS '"-Dos.name=Mac OS X" -Dos.arch=x86_64' macosx-x86_64
fake 'os.name=Linux os.arch=amd64' MAVEN_OPTS "-Dos.name=Linux -Dos.arch=amd64" linux-x86_64
fake 'os.name=Linux os.arch=aarch64' MAVEN_OPTS "-Dos.name=Linux -Dos.arch=aarch64" linux-arm64
fake 'os.name="Windows 10" os.arch=amd64 (Maven without jansi)' NOJANSI '"-Dos.name=Windows 10" -Dos.arch=amd64' windows-x86_64
UNSUPPORTED=unsupported-host-see-docs-platforms.md
fake 'os.name=SunOS os.arch=sparcv9 (unsupported: no profile)' MAVEN_OPTS "-Dos.name=SunOS -Dos.arch=sparcv9" "$UNSUPPORTED"
if MAVEN_OPTS="-Dos.name=SunOS -Dos.arch=sparcv9" mvn -o -B -q dependency:list >"$WORK/sunos.log" 2>&1; then
  fail "os.name=SunOS: resolution succeeded, but there are no natives for it"
elif grep -q "nd4j-native:jar:$UNSUPPORTED" "$WORK/sunos.log"; then
  pass "os.name=SunOS: resolution fails naming org.nd4j:nd4j-native:jar:$UNSUPPORTED"
else
  fail "os.name=SunOS: resolution failed without naming $UNSUPPORTED: $(grep -m1 'ERROR' "$WORK/sunos.log" | strip)"
fi
fake 'os.name=MacOSX os.arch=aarch64 with -Djavacpp.platform=linux-arm64 (the command line wins)' MAVEN_OPTS "-Dos.name=MacOSX -Dos.arch=aarch64" linux-arm64 -Djavacpp.platform=linux-arm64

# The faked Mac resolves the Mac's natives (JavaFX included), from the jars section 1 resolved.
if MAVEN_OPTS="-Dos.name=MacOSX -Dos.arch=aarch64" mvn -o -B -q dependency:list -DoutputFile="$WORK/fake-mac.txt" >"$WORK/fake-mac.log" 2>&1; then
  printf '  (faked MacOSX/aarch64, offline)\n'; check_list "$WORK/fake-mac.txt" macosx-arm64
else
  fail "faked MacOSX/aarch64: offline resolution failed: $(grep -m1 'ERROR' "$WORK/fake-mac.log" | strip)"
fi
echo

if [ "$FAILED" = 0 ]; then echo "RESULT: all checks passed"; else echo "RESULT: some checks FAILED"; fi
exit "$FAILED"
