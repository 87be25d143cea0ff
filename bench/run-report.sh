#!/usr/bin/env bash
# Times the HTML report of a synthetic 1-hour result (3,600 points x several metrics, real HdrHistograms) and
# prints the render time and file size. Usage: bench/run-report.sh   (needs a JDK >= 21 as JAVA_HOME)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -DskipTests
CP=$(cat bench/target/classpath.txt):bench/target/classes
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" dev.liveload.bench.ReportBench "$@"
