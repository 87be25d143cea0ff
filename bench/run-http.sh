#!/usr/bin/env bash
# Runs the HTTP benchmark against the reference nginx target (../shared/bench/target.sh), with wrk as yardstick.
# Usage: bench/run-http.sh [--seconds N]     (needs a JDK >= 21 as JAVA_HOME, and apt for nginx/wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=../shared/bench/target.sh
bash "$TARGET" start >/dev/null
./mvnw -q -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -DskipTests
CP=$(cat bench/target/classpath.txt):bench/target/classes
exec "$JAVA_HOME/bin/java" -Xmx512m -cp "$CP" dev.liveload.bench.HttpBench --script "$TARGET" "$@"
