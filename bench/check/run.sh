#!/usr/bin/env bash
# Cold wall time of `./derivcheck check derivations/` against the SymPy reference script
# (../shared/anchors/sympy_checks.py), run alternately in one go; prints the medians and their ratio.
# Usage: bench/check/run.sh [RUNS]   (default 7)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-7}"
anchor="${ANCHORS:-../shared/anchors}/sympy_checks.py"
py=/usr/bin/python3
if ! "$py" -c "import sympy" 2>/dev/null; then
  echo "needs Debian's SymPy: apt-get install -y python3-sympy" >&2
  exit 2
fi
[ -f "$anchor" ] || { echo "reference script not found: $anchor" >&2; exit 2; }
./derivcheck check derivations/ > /dev/null || true   # build and make the CDS archive (first use)
now() { date +%s%N; }
dc=(); sp=()
for i in $(seq "$runs"); do
  t=$(now); ./derivcheck check derivations/ > /dev/null || true; dc+=($(( ($(now) - t) / 1000000 )))
  t=$(now); "$py" "$anchor" > /dev/null; sp+=($(( ($(now) - t) / 1000000 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
md=$(median "${dc[@]}"); ms=$(median "${sp[@]}")
steps=$(./derivcheck check derivations/ --format json | "$py" -c "import json,sys; print(json.load(sys.stdin)['summary']['steps'])")
echo "derivcheck check derivations/ (${steps} steps), cold, ms: ${dc[*]}"
echo "sympy_checks.py (8 checks), cold, ms:               ${sp[*]}"
echo "median derivcheck ${md} ms, median sympy ${ms} ms, ratio derivcheck/sympy = $(awk "BEGIN {printf \"%.2f\", $md/$ms}")"
