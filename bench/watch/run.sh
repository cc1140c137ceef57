#!/usr/bin/env bash
# Save-to-verdict latency of derivcheck check --watch (median of 20 saves) and the cold check of the seed report.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec /usr/bin/python3 "$here/bench.py" "$@"
