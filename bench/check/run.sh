#!/usr/bin/env bash
# Cold wall time of `./derivcheck check` on the derivation files that the same-work SymPy script transcribes
# (../shared/anchors/sympy_same_checks.py: the same steps, points, instances and proof attempts, by hand in
# SymPy + NumPy), run interleaved (derivcheck, SymPy, derivcheck, ...); prints every round, the medians,
# their ratio and the load average before and after (the machine is shared).
# Usage: bench/check/run.sh [RUNS]   (default 7; ANCHOR=/path/to/script.py to compare with another script)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-7}"
anchor="${ANCHOR:-${ANCHORS:-../shared/anchors}/sympy_same_checks.py}"
py=/usr/bin/python3
if ! "$py" -c "import sympy, numpy" 2>/dev/null; then
  echo "needs Debian's SymPy and NumPy: apt-get install -y python3-sympy python3-numpy" >&2
  exit 2
fi
[ -f "$anchor" ] || { echo "reference script not found: $anchor" >&2; exit 2; }
./derivcheck check derivations/ > /dev/null || true   # build and make the CDS archive (first use)
# like for like: the files the reference script transcribes (it names them in its output), not the whole folder,
# which has gained models the script does not have
mapfile -t files < <("$py" "$anchor" | awk '$1 ~ /\.yaml$/ {print "derivations/" $1}' | sort -u)
[ "${#files[@]}" -gt 0 ] || { echo "the reference script named no derivation files" >&2; exit 2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
before=$(load)
now() { date +%s%N; }
dc=(); sp=()
for i in $(seq "$runs"); do
  t=$(now); ./derivcheck check "${files[@]}" > /dev/null || true; dc+=($(( ($(now) - t) / 1000000 )))
  t=$(now); "$py" "$anchor" > /dev/null; sp+=($(( ($(now) - t) / 1000000 )))
done
after=$(load)
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
md=$(median "${dc[@]}"); ms=$(median "${sp[@]}")
steps=$(./derivcheck check "${files[@]}" --format json | "$py" -c "import json,sys; print(json.load(sys.stdin)['summary']['steps'])")
t=$(now); ./derivcheck check derivations/ > /dev/null || true; whole=$(( ($(now) - t) / 1000000 ))
echo "derivcheck check on the ${#files[@]} files of the reference (${steps} steps), cold, ms: ${dc[*]}"
echo "$(basename "$anchor"), cold, ms: ${sp[*]}"
echo "median derivcheck ${md} ms, median reference ${ms} ms, ratio derivcheck/reference = $(awk "BEGIN {printf \"%.2f\", $md/$ms}")"
echo "the whole derivations/ folder (with the models the reference does not have), once: ${whole} ms"
echo "load average (1, 5, 15 min) before: ${before}; after: ${after}"
