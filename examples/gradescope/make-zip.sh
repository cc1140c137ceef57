#!/usr/bin/env bash
# Builds derivcheck and makes autograder.zip for Gradescope ("Zip file upload" of a programming assignment):
#   setup.sh, run_autograder, rubric.yaml, derivcheck/derivcheck.jar, derivcheck/lib/*.jar
# Usage: examples/gradescope/make-zip.sh [RUBRIC.yaml] [OUT.zip]   (defaults: the rubric here, ./autograder.zip)
# The PyTorch/DJL jars are left out: grading never loads them (only 'derivcheck run vae' does).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rubric="$(realpath "${1:-$here/rubric.yaml}")"
zip_out="$(realpath -m "${2:-autograder.zip}")"
command -v zip >/dev/null || { echo "make-zip.sh: needs zip (apt-get install zip)" >&2; exit 2; }
(cd "$repo" && mvn -B -q -DskipTests package)
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/derivcheck/lib"
cp "$here/setup.sh" "$here/run_autograder" "$stage/"
cp "$rubric" "$stage/rubric.yaml"
cp "$repo/target/derivcheck.jar" "$stage/derivcheck/"
for f in "$repo"/target/lib/*.jar; do
  case "$(basename "$f")" in pytorch-*|api-0.*|api-[0-9]*) ;; *) cp "$f" "$stage/derivcheck/lib/" ;; esac
done
chmod +x "$stage/setup.sh" "$stage/run_autograder"
rm -f "$zip_out"
(cd "$stage" && zip -q -r "$zip_out" .)
echo "wrote $zip_out ($(du -h "$zip_out" | cut -f1)); upload it as the autograder of a programming assignment"
