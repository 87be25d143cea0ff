#!/usr/bin/env bash
# Runs the browser-users benchmark: LiveView click-and-wait users at 1, 10, 20, 40, 80, 100 on this machine.
# Usage: bench/run-browser.sh [--levels 1,10,20] [--hold 40] [--warm 10] [--delay 50] [--no-reference]
# Needs a JDK >= 21 as JAVA_HOME and a Chromium (apt-get install chromium-headless-shell). Takes about 15 minutes
# (8 without the bare-page reference) and loads every core: do not run it while others measure.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -DskipTests
CP=$(cat bench/target/classpath.txt):bench/target/classes
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" dev.liveload.bench.BrowserBench "$@"
