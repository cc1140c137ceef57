#!/usr/bin/env bash
# Builds derivcheck and makes autograder.zip for Gradescope ("Zip file upload" of a programming assignment):
#   setup.sh, run_autograder, rubric.yaml, derivcheck/derivcheck.jar, derivcheck/lib/*.jar
# Usage: examples/gradescope/make-zip.sh [RUBRIC.yaml] [OUT.zip]   (defaults: the rubric here, ./autograder.zip)
# Only the checker module is built and zipped: grading never needs the experiments, DJL or PyTorch.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rubric="$(realpath "${1:-$here/rubric.yaml}")"
zip_out="$(realpath -m "${2:-autograder.zip}")"
command -v zip >/dev/null || { echo "make-zip.sh: needs zip (apt-get install zip)" >&2; exit 2; }
(cd "$repo" && mvn -B -q -DskipTests -pl checker package)
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/derivcheck/lib"
cp "$here/setup.sh" "$here/run_autograder" "$stage/"
cp "$rubric" "$stage/rubric.yaml"
cp "$repo/checker/target/derivcheck.jar" "$stage/derivcheck/"
cp "$repo"/checker/target/lib/*.jar "$stage/derivcheck/lib/"
chmod +x "$stage/setup.sh" "$stage/run_autograder"
rm -f "$zip_out"
(cd "$stage" && zip -q -r "$zip_out" .)
echo "wrote $zip_out ($(du -h "$zip_out" | cut -f1)); upload it as the autograder of a programming assignment"
