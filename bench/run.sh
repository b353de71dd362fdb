#!/usr/bin/env bash
# Minka benchmarks (issue 6): one command, one run, a table on the terminal and JSON in
# bench/results/latest.json. Builds the jar if needed, generates the demo cooperatives, then
# measures export, verified import vs the raw SQLite insert limit, reports, whole-process
# `minka report balances` vs hledger/ledger/beancount, and the desktop app's first frame.
#
#   bench/run.sh            full run (~1M entries; several minutes on a 2-core laptop)
#   bench/run.sh --smoke    tiny data, seconds, no targets (CI keeps the harness working)
#   bench/run.sh --encryption  only the village (~100k entries) export and import, with sync-file
#                           encryption off and on, alternating (7 exports and 3 joins of each);
#                           best and median wall time and median process CPU time (the CPU time
#                           is the steadier figure on a shared machine). Target: encrypted at
#                           most 10 % slower
#
# Environment: JAVA_HOME (a JDK 25; default /usr/lib/jvm/temurin-25-jdk-amd64), BENCH_WORK
# (scratch folder, default bench/work), BENCH_JSON (default bench/results/latest.json, or
# bench/results/smoke.json with --smoke), BENCH_REBUILD=1 to rebuild the jar.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=""
only=""
for a in "$@"; do
  case "$a" in
    --smoke) smoke="--smoke" ;;
    --encryption) only="--encryption" ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown option: $a (use --smoke, --encryption or nothing)" >&2; exit 2 ;;
  esac
done

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
[ -x "$JAVA_HOME/bin/java" ] || { echo "No JDK 25 at $JAVA_HOME; set JAVA_HOME" >&2; exit 1; }
export PATH="$JAVA_HOME/bin:$PATH"

# The harness lives in src/bench/java, a test source root of the build: compiled into
# target/test-classes with the tests, never into target/classes or the shipped jar.
jar=target/minka.jar
bench_classes=target/test-classes
newest_src=$(find src/main src/bench pom.xml -type f -newer "$jar" 2>/dev/null | head -1 || true)
if [ ! -f "$jar" ] || [ ! -f "$bench_classes/coop/minka/bench/Harness.class" ] || [ -n "$newest_src" ] \
   || [ "${BENCH_REBUILD:-0}" = 1 ]; then
  echo "Building $jar and the harness ..."
  if [ -x ./mvnw ]; then mvn=./mvnw; else mvn=mvn; fi
  "$mvn" -B -q -ntp package -DskipTests
fi

work=${BENCH_WORK:-bench/work${smoke:+-smoke}}
json=${BENCH_JSON:-bench/results/$([ -n "$smoke" ] && echo smoke || { [ -n "$only" ] && echo encryption || echo latest; }).json}
echo "Minka benchmarks $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"
heap=$([ -n "$smoke" ] && echo 512m || echo 6g)
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx"$heap" -cp "$bench_classes:$jar" coop.minka.bench.Harness \
  --work "$work" --json "$json" --jar "$jar" $smoke $only
