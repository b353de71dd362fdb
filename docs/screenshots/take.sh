#!/usr/bin/env bash
# Retakes every screenshot in docs/screenshots/ (issue 12) from the real desktop UI:
# en, es × light, dark × 100 %, 150 % text, in a 1366×768 window, headless (no display needed).
#
#   docs/screenshots/take.sh                  all of them (a few minutes)
#   docs/screenshots/take.sh 'home-es-.*'     only the shots whose name matches the regex
#
# SHOTS_SCALES=175 shoots other text sizes (comma-separated) instead of 100,150.
# Environment: JAVA_HOME (a JDK 25; default /usr/lib/jvm/temurin-25-jdk-amd64), SHOTS_WORK
# (scratch folder with the demo cooperatives, default /tmp/minka-shots), SHOTS_DISPLAY=:95 to
# draw under that X display (e.g. Xvfb :95 -screen 0 1366x768x24) instead of headless.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="$JAVA_HOME/bin:$PATH"
if [ -x ./mvnw ]; then mvn=./mvnw; else mvn=mvn; fi

# The harness is in src/bench/java, compiled with the tests into target/test-classes.
cp_file=target/screenshots.classpath
"$mvn" -B -q -ntp test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
cp="target/test-classes:target/classes:$(cat "$cp_file")"

work=${SHOTS_WORK:-/tmp/minka-shots}
only=${1:-.*}
if [ -n "${SHOTS_DISPLAY:-}" ]; then
  display=(env DISPLAY="$SHOTS_DISPLAY")
  glass=()
else
  display=()
  glass=(-Dglass.platform=Headless -Dprism.order=sw)
fi
# A full retake replaces the folder's pictures: none is left from shots that no longer exist.
# The demo books are made again too, so that their history ends today.
if [ "$only" = ".*" ]; then
  rm -f docs/screenshots/*.png
  rm -rf "$work"/books-?? "$work"/run-* "$work"/first-*
fi
exec "${display[@]}" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g "${glass[@]}" \
  -Dprism.lcdtext=false ${SHOTS_SCALES:+-Dshots.scales=$SHOTS_SCALES} -cp "$cp" coop.minka.bench.Screenshots --out docs/screenshots --work "$work" --only "$only"
