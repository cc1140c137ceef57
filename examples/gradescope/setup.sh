#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image (Ubuntu): derivcheck needs only a Java 17 runtime.
# The zip (made by make-zip.sh) already holds derivcheck.jar, its libraries and the rubric under /autograder/source.
set -euo pipefail
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless
java -version
