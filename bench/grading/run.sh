#!/usr/bin/env bash
# Grading throughput, warm, on this machine: a batch of N submissions made by cycling through the example
# submissions of tests/grading (each copy under its own name), graded ROUNDS times in one JVM with THREADS
# workers; the last round is the warm figure. MIX=class (default) leaves out the three hostile examples
# (12, 13, 14: the fuzz test's subject; 13 alone spends its 5 s diagnosis budget on (alpha+beta)^1000);
# MIX=all cycles through all 15.
# Usage: [MIX=class|all] bench/grading/run.sh [N=100] [THREADS=2] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-100}"; threads="${2:-2}"; rounds="${3:-3}"
./derivcheck --version > /dev/null   # builds the checker module on first use or when a source changed
batch="$(mktemp -d)"
trap 'rm -rf "$batch"' EXIT
if [ "${MIX:-class}" = all ]; then
  mapfile -t src < <(ls tests/grading/submissions/*)
else
  mapfile -t src < <(ls tests/grading/submissions/* | grep -v -E '/(12|13|14)-')
fi
for ((i = 0; i < n; i++)); do
  f="${src[$((i % ${#src[@]}))]}"
  name="$(basename "$f")"
  cp "$f" "$batch/$(printf '%03d' "$i")-${name}"
done
echo "batch: $n submissions from ${#src[@]} examples (MIX=${MIX:-class}); $(nproc) cores; $(java -version 2>&1 | head -1)"
java -Xss16m -cp "checker/target/derivcheck.jar:checker/target/lib/*" bench/grading/GradingBench.java \
  tests/grading/rubric.yaml "$batch" "$threads" "$rounds"
