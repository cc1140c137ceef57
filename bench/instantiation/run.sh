#!/usr/bin/env bash
# Warm timing of the finite-instantiation checker (IWELBO, K = 5, support 3). Usage: bench/instantiation/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
./derivcheck --version > /dev/null   # builds on first use
cp="checker/target/derivcheck.jar"; for f in checker/target/lib/*.jar; do cp="$cp:$f"; done
java -Xss16m -cp "$cp" bench/instantiation/InstantiationBench.java "$@"
