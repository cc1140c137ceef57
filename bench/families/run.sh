#!/usr/bin/env bash
# Warm timing of family steps: Beta E[log(1 - t)] by quadrature and by the table. Usage: bench/families/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./derivcheck --version > /dev/null   # builds on first use
cp="checker/target/derivcheck.jar"; for f in checker/target/lib/*.jar; do cp="$cp:$f"; done
java -Xss16m -cp "$cp" bench/families/FamiliesBench.java "$@"
