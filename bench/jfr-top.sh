#!/usr/bin/env bash
# Summarise a JFR recording: the hottest top frames and the hottest Minka frames (Java and native samples).
# Usage: bench/jfr-top.sh FILE.jfr [N]
set -euo pipefail
f=$1; n=${2:-25}
jfr=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jfr
for ev in jdk.ExecutionSample jdk.NativeMethodSample; do
  echo "== $ev: top frames"
  "$jfr" print --events "$ev" "$f" | awk '/stackTrace = \[/{getline; sub(/^ +/,""); print}' | sed 's/line:.*//' | sort | uniq -c | sort -rn | head -"$n"
  echo "== $ev: first coop.minka frame"
  "$jfr" print --events "$ev" "$f" | awk '/stackTrace = \[/{inside=1; found=0; next} inside && /coop\.minka/ && !found {sub(/^ +/,""); print; found=1} /^\]/{inside=0}' | sed 's/line:.*//' | sort | uniq -c | sort -rn | head -"$n"
done
