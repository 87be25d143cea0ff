#!/usr/bin/env bash
# Distributed-run benchmark against the reference nginx target: 1 JVM vs 2 and 4 worker JVMs, then merging 100
# synthetic node results. Usage: bench/run-cluster.sh [seconds]   (needs a JDK >= 21 as JAVA_HOME)
set -euo pipefail
cd "$(dirname "$0")/.."
bash ../shared/bench/target.sh start >/dev/null
./mvnw -q -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -DskipTests
CP=$(cat bench/target/classpath.txt):bench/target/classes
exec "$JAVA_HOME/bin/java" -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  dev.liveload.bench.ClusterBench http://127.0.0.1:18080 "${1:-10}"
