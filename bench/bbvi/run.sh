#!/usr/bin/env bash
# BBVI speed: derivcheck (Java) against the NumPy anchor ../shared/anchors/numpy_bbvi.py, interleaved,
# in the same run on the same machine. Prints every round and the median ratios (derivcheck it/s / NumPy it/s).
#   bench/bbvi/run.sh [ROUNDS] [NUMPY_ITERS] [JAVA_ITERS] [S]
# Needs Debian's python3 with NumPy and SciPy: apt-get install -y python3-numpy python3-scipy
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-5}"
np_iters="${2:-20000}"
java_iters="${3:-200000}"
samples="${4:-100}"
anchor="${ANCHOR:-$root/../shared/anchors/numpy_bbvi.py}"
py="${PYTHON:-/usr/bin/python3}"

if ! "$py" -c 'import numpy, scipy' 2>/dev/null; then
  echo "bench/bbvi: $py lacks NumPy/SciPy; install them with: apt-get install -y python3-numpy python3-scipy" >&2
  exit 2
fi
if [ ! -f "$anchor" ]; then
  echo "bench/bbvi: anchor script not found at $anchor (set ANCHOR=/path/to/numpy_bbvi.py)" >&2
  exit 2
fi
# Bbvi is in the experiments module (it needs the checker's special.Digamma, not the VAE)
xjar="$root/experiments/target/derivcheck-experiments.jar"
if [ ! -f "$xjar" ] || \
   [ -n "$(find "$root/checker/src/main" "$root/experiments/src/main" "$root"/pom.xml "$root"/*/pom.xml -newer "$xjar" -print -quit)" ]; then
  echo "bench/bbvi: building derivcheck's experiments..." >&2
  (cd "$root" && mvn -B -q -DskipTests -pl experiments -am package >&2)
fi
cp="$root/checker/target/derivcheck.jar:$xjar:$root/experiments/target/lib/*"
out="$root/bench/results"
mkdir -p "$out"
log="$out/bbvi-$(date +%Y%m%d-%H%M%S).txt"

{
  echo "# BBVI benchmark, S=$samples, NumPy $np_iters iterations, derivcheck 3 x $java_iters iterations per JVM, the last one timed"
  echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# java: $(java -version 2>&1 | head -1), python: $("$py" -c 'import sys, numpy; print(sys.version.split()[0], "numpy", numpy.__version__)')"
} | tee "$log"

for r in $(seq 1 "$rounds"); do
  # Alternate which side runs first, so that neither always gets the cooler machine.
  if [ $((r % 2)) -eq 1 ]; then order="numpy java"; else order="java numpy"; fi
  for side in $order; do
    if [ "$side" = numpy ]; then
      "$py" "$anchor" "$np_iters" "$samples" | sed "s/^/round $r numpy /" | tee -a "$log"
    else
      java -XX:+UseSerialGC -cp "$cp" "$here/BbviBench.java" "$java_iters" "$samples" 3 \
        | sed "s/^/round $r java /" | tee -a "$log"
    fi
  done
done

"$py" - "$log" <<'PY'
import re, statistics, sys
rates = {}
for line in open(sys.argv[1]):
    m = re.match(r"round (\d+) (numpy|java) (?:derivcheck |bbvi )?cv=(True|False): ([\d,]+) it/s", line)
    if m:
        rates.setdefault((m.group(2), m.group(3)), {})[int(m.group(1))] = float(m.group(4).replace(",", ""))
for cv, name in (("False", "plain"), ("True", "control variates")):
    ratios = [rates[("java", cv)][r] / rates[("numpy", cv)][r] for r in sorted(rates[("java", cv)]) if r in rates[("numpy", cv)]]
    print(f"{name:17s}: median NumPy {statistics.median(rates[('numpy', cv)].values()):>10,.0f} it/s, "
          f"median derivcheck {statistics.median(rates[('java', cv)].values()):>10,.0f} it/s, "
          f"median ratio {statistics.median(ratios):5.1f}x  (per round: {', '.join(f'{x:.1f}' for x in ratios)})")
PY
