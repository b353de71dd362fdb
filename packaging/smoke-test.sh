#!/usr/bin/env bash
# Smoke-test a built Minka app-image (or an installed Minka) through its launcher.
#
# Usage:
#   packaging/smoke-test.sh                    # tests target/packaging/Minka/bin/minka
#   packaging/smoke-test.sh /usr/bin/minka     # tests an installed .deb
#   packaging/smoke-test.sh --gui [LAUNCHER]   # also starts the desktop app headless
#
# Checks:
#   1. `minka --version` exits 0 and prints a version number;
#   2. a command-line round trip on a throw-away database:
#        minka --db X init --name "Test coop" --currency BOB --replica "Laptop A"
#        minka --db X member add --name Ana --gender woman
#        minka --db X verify                  (must exit 0)
#   3. with --gui: the desktop app starts on JavaFX's headless platform with
#      software rendering and is still running (or has exited 0) after 15 s,
#      which shows the trimmed runtime has what JavaFX needs.
#
# Needs no network, no display and no standard input; exits non-zero on the
# first failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

gui=0
launcher=""
for arg in "$@"; do
  case "$arg" in
    --gui) gui=1 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "smoke-test.sh: unknown option: $arg (try --help)" >&2; exit 2 ;;
    *) launcher="$arg" ;;
  esac
done
launcher="${launcher:-$root/target/packaging/Minka/bin/minka}"
[[ -x "$launcher" ]] || { echo "smoke-test.sh: no launcher at $launcher; run packaging/build.sh first" >&2; exit 1; }

tmp="$(mktemp -d)"
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
# Keep anything the app writes by default out of the real home folders.
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
unset MINKA_DB

passed=0
step() { printf '\n--- %s\n' "$*"; }
ok() { passed=$((passed + 1)); echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

run() { # run the launcher, echo its output, fail on a non-zero exit
  local rc=0
  echo "\$ minka $*"
  "$launcher" "$@" </dev/null >"$tmp/out" 2>&1 || rc=$?
  sed 's/^/  | /' "$tmp/out"
  ((rc == 0)) || fail "minka $* exited $rc"
}

echo "Testing $launcher"

step "version"
run --version
grep -Eq '[0-9]+\.[0-9]+' "$tmp/out" || fail "--version printed no version number"
ok "--version: $(head -n1 "$tmp/out")"

step "command-line round trip on $tmp/x.db"
db="$tmp/x.db"
run --db "$db" init --name "Test coop" --currency BOB --replica "Laptop A"
[[ -s "$db" ]] || fail "init did not create $db"
ok "init"
run --db "$db" member add --name Ana --gender woman
ok "member add"
run --db "$db" verify
ok "verify"

# The command line /usr/bin/minka of the .deb is lib/app/minka-command (Java started directly
# with the launcher's options); in an app-image it sits beside the launcher's configuration.
cmd="$(dirname "$(dirname "$(readlink -f "$launcher")")")/lib/app/minka-command"
if [[ -x "$cmd" && "$(readlink -f "$launcher")" != "$(readlink -f "$cmd")" ]]; then
  step "command-line script $cmd"
  "$launcher" --db "$db" report balances </dev/null >"$tmp/by-launcher" 2>&1 || fail "report balances (launcher)"
  rc=0
  "$cmd" --db "$db" report balances </dev/null >"$tmp/by-script" 2>&1 || rc=$?
  sed 's/^/  | /' "$tmp/by-script"
  ((rc == 0)) || fail "minka-command report balances exited $rc"
  cmp -s "$tmp/by-launcher" "$tmp/by-script" || fail "minka-command printed something else than the launcher"
  "$cmd" --db "$db" member add --name "Rosa María" --gender woman </dev/null >"$tmp/out" 2>&1 \
    || { sed 's/^/  | /' "$tmp/out"; fail "minka-command member add"; }
  "$launcher" --db "$db" member list </dev/null | grep -q "Rosa María" || fail "the member added by the script is missing"
  ok "minka-command answers like the launcher (same options: $(grep -c '^java-options=' "$(dirname "$cmd")/minka.cfg") Java options)"
fi

if ((gui)); then
  step "desktop app, headless (15 s)"
  JAVA_TOOL_OPTIONS="-Dglass.platform=Headless -Dprism.order=sw ${JAVA_TOOL_OPTIONS:-}" \
    "$launcher" --db "$db" </dev/null >"$tmp/gui.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 15); do
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$app_pid" 2>/dev/null; then
    ok "desktop app still running after 15 s"
  else
    rc=0; wait "$app_pid" || rc=$?; app_pid=""
    sed 's/^/  | /' "$tmp/gui.log"
    ((rc == 0)) || fail "desktop app exited $rc"
    ok "desktop app exited 0"
  fi
  if grep -Eq 'Exception|Error:' "$tmp/gui.log"; then
    sed 's/^/  | /' "$tmp/gui.log"
    fail "desktop app logged an error"
  fi
fi

echo
echo "smoke-test: $passed passed, 0 failed"
