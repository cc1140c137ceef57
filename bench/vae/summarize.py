"""Summarizes bench/vae/bench.sh's outputs: epoch-time ratio, ELBO gap, RSS flatness. Standard library only."""
import csv, re, statistics, sys
from pathlib import Path

out, rounds, epochs = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
TIME_TARGET, TIME_GOAL, ELBO_TOL = 1.5, 1.0, 3.0
# A leak of one input batch per step (128 x 784 floats = 0.4 MB, 79 steps) would add 31 MiB per epoch; 32 MiB over
# all epochs after the second catches any per-step leak while allowing the JIT's and allocator's one-off growth.
RSS_TOL_MIB = 32.0

def steady(times):
    """Median epoch time without the first epoch (both programs warm up in it)."""
    return statistics.median(times[1:]) if len(times) > 1 else times[0]

ratios, rows, ok = [], [], True
best_dc, best_py = [], []
for r in range(1, rounds + 1):
    with open(out / f"derivcheck-{r}" / "epochs_standard.csv") as f:
        dc = list(csv.DictReader(f))
    py = [(float(m.group(1)), float(m.group(2))) for m in
          re.finditer(r"epoch \d+ ([\d.]+)s elbo/image (-?[\d.]+)", (out / f"pytorch-{r}.log").read_text())]
    if len(dc) != epochs or len(py) != epochs:
        sys.exit(f"round {r}: expected {epochs} epochs, got {len(dc)} (derivcheck) and {len(py)} (PyTorch)")
    dct = [float(x["train_s"]) for x in dc]
    pyt = [t for t, _ in py]
    ratio = steady(dct) / steady(pyt)
    ratios.append(ratio)
    rss = [float(x["rss_mib"]) for x in dc]
    growth = max(rss[2:]) - rss[1] if len(rss) > 2 else 0.0
    rows.append((r, steady(dct), steady(pyt), ratio, float(dc[-1]["train_elbo"]), py[-1][1], rss, growth))
    best_dc.append(min(dct[1:]))
    best_py.append(min(pyt[1:]))

print()
print("round  derivcheck s/epoch  PyTorch s/epoch  ratio   derivcheck ELBO  PyTorch ELBO  (epoch %d, train, nats/image)" % epochs)
for r, d, p, q, de, pe, _, _ in rows:
    print(f"{r:5d}  {d:18.3f}  {p:15.3f}  {q:5.2f}   {de:15.2f}  {pe:12.2f}")
median_ratio = statistics.median(ratios)
gap = max(abs(de - pe) for _, _, _, _, de, pe, _, _ in rows)
print()
print(f"median epoch-time ratio derivcheck/PyTorch (epochs 2-{epochs}, {rounds} rounds): {median_ratio:.2f}"
      f"  [target <= {TIME_TARGET}: {'PASS' if median_ratio <= TIME_TARGET else 'FAIL'};"
      f" goal <= {TIME_GOAL}: {'met' if median_ratio <= TIME_GOAL else 'not met'}]")
# Other processes only ever add time: the fastest epochs show what each program does on an idle machine.
print(f"cross-check on a shared machine: fastest epoch derivcheck {min(best_dc):.3f} s, PyTorch {min(best_py):.3f} s,"
      f" ratio {min(best_dc) / min(best_py):.2f}; load during the run shows in the spread of the per-round ratios"
      f" ({min(ratios):.2f} to {max(ratios):.2f})")
print(f"ELBO after epoch {epochs}: derivcheck {rows[0][4]:.2f}, PyTorch {rows[0][5]:.2f}, |gap| {gap:.2f} nats"
      f"  [target <= {ELBO_TOL}: {'PASS' if gap <= ELBO_TOL else 'FAIL'}]")
ok &= median_ratio <= TIME_TARGET and gap <= ELBO_TOL
for r, _, _, _, _, _, rss, growth in rows:
    flat = growth <= RSS_TOL_MIB
    ok &= flat
    print(f"round {r} RSS per epoch (MiB): {' '.join(f'{v:.0f}' for v in rss)}"
          f"  growth after epoch 2: {growth:+.1f} MiB [<= {RSS_TOL_MIB:.0f}: {'PASS' if flat else 'FAIL'}]")
sys.exit(0 if ok else 1)
