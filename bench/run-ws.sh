#!/usr/bin/env bash
# What a WebSocket user costs the generator (threads, resident memory, heap per connection).
# Usage: bench/run-ws.sh [users] [holdSeconds]     (needs a JDK >= 21 as JAVA_HOME)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -DskipTests
CP=$(cat bench/target/classpath.txt):bench/target/classes
exec "$JAVA_HOME/bin/java" -Xmx512m -cp "$CP" dev.liveload.bench.WsBench "$@"
