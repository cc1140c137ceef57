#!/usr/bin/env bash
# VAE benchmark: derivcheck (DJL, PyTorch 2.7.1 natives) against the PyTorch anchor script, interleaved, same
# settings (784-400-20, Adam 1e-3, batch 128, grey levels as Bernoulli targets, standard gradient, all 10,000
# digits of the subset, no hold-out: what the anchor does) and the same PyTorch thread count.
# Usage: bench/vae/bench.sh [ROUNDS=3] [EPOCHS=10] [THREADS=2]
# Prints per-round medians, the median epoch-time ratio (derivcheck / PyTorch), the ELBO gap after the last
# epoch, and checks resident memory is flat after epoch 2. Raw outputs go to bench/results/vae/ (git-ignored).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-3}"; epochs="${2:-10}"; threads="${3:-2}"
data="${DERIVCHECK_MNIST:-$root/../shared/data/mnist-subset}"
anchor="${DERIVCHECK_ANCHOR:-$root/../shared/anchors/torch_vae.py}"
python="${PYTHON:-/usr/bin/python3}"
out="$root/bench/results/vae"
[ -d "$data" ] || { echo "bench: no MNIST subset at $data (set DERIVCHECK_MNIST)" >&2; exit 2; }
[ -f "$anchor" ] || { echo "bench: no anchor script at $anchor (set DERIVCHECK_ANCHOR)" >&2; exit 2; }
"$python" -c 'import torch, numpy' 2>/dev/null || { echo "bench: $python lacks torch/numpy (apt-get install -y python3-torch python3-numpy)" >&2; exit 2; }
rm -rf "$out"; mkdir -p "$out"
export OMP_NUM_THREADS="$threads"
# Both programs use OpenMP with its default wait policy, as a user runs them. On a machine shared with other work
# that policy is fragile (a team waits at every operation for a descheduled partner); set OMP_WAIT_POLICY=PASSIVE
# in the environment to measure both programs with passive waiting instead (bench/README.md has both results).

"$root/derivcheck" run --list >/dev/null   # build once, outside the measurements

run_dc() {
  "$root/derivcheck" run vae --data "$data" --binarize none --estimators standard --holdout 0 --var-reps 0 \
    --epochs "$epochs" --threads "$threads" --seed 0 --no-progress --out "$out/derivcheck-$1" > "$out/derivcheck-$1.log" 2>&1
}
run_py() {
  "$python" "$anchor" "$data/images-idx3-ubyte.gz" "$epochs" std "$threads" > "$out/pytorch-$1.log" 2>&1
}

echo "machine: $(nproc --all) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "settings: $rounds rounds x $epochs epochs, $threads PyTorch threads, OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-default}, binarize none, batch 128, Adam 1e-3, standard gradient"
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then run_dc "$r"; run_py "$r"; else run_py "$r"; run_dc "$r"; fi
  echo "round $r done (load $(cut -d' ' -f1 /proc/loadavg))"
done

"$python" "$here/summarize.py" "$out" "$rounds" "$epochs"
status=$?

if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
  echo "GPU present: build with 'mvn -B -Pgpu package' and run: ./derivcheck run vae --device gpu --binarize none --estimators standard --holdout 0 --var-reps 0 --epochs $epochs --data $data (epochs/s = 1 / median train_s in epochs_standard.csv)"
else
  echo "GPU: none present here, not measured."
fi
exit $status
