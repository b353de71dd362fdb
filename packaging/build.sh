#!/usr/bin/env bash
# Build Minka's Linux app-image and .deb installer with jlink + jpackage.
#
# Usage (from anywhere; the repo root is found from this file's place):
#
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -B package -DskipTests
#   packaging/build.sh                 # app-image + .deb
#   packaging/build.sh --app-image     # app-image only (no fakeroot/dpkg needed)
#   packaging/smoke-test.sh            # check the result
#
# Input:   target/minka.jar, the shaded runnable jar (main class coop.minka.Main;
#          JavaFX classes and Linux natives on the class path).
# Output:  target/packaging/
#            Minka/               the app-image; launcher Minka/bin/minka
#            minka_<ver>_<arch>.deb
#            runtime/             the trimmed Java runtime (jlink), for reference
#            input/minka.jar      the jar as packaged (other OSes' SQLite natives removed)
#
# Steps: (1) copy the jar, dropping the SQLite driver's natives for other platforms
# (packaging/TrimJar.java); (2) find the JDK modules it needs with jdeps, add the
# ones only reached by reflection or service loading, jlink a small runtime and
# strip its native symbol tables; (3) jpackage --type app-image; (4) jpackage
# --type deb from the same jar and runtime, with a menu entry (Office), the
# icon, a .minka file association and /usr/bin/minka.
#
# Windows (.msi) and macOS (.dmg) installers must be built on those systems:
# jpackage cannot cross-build. See packaging/README.md and the jpackage.args
# files in packaging/windows and packaging/macos.
#
# Environment (all optional):
#   JAVA_HOME       a JDK 25+ with jlink/jpackage (default: the temurin-25 one)
#   MINKA_JAR       jar to package (default: target/minka.jar)
#   MINKA_VERSION   installer version, 1-3 numbers (default: from the jar's
#                   Implementation-Version, without -SNAPSHOT)
#   MINKA_LOCALES   locales kept in the runtime (default: en,es,fr,pt,qu,ay,gn)
#   MINKA_DEB_MAINTAINER  "Name <email>" for the .deb's Maintainer field
#   MINKA_STRIP_NATIVE    0 keeps the runtime's native symbol tables (+5 MB)
#
# Runs unattended as root in CI: apt packages it needs are installed only when
# missing, and nothing reads standard input.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

want_deb=1
for arg in "$@"; do
  case "$arg" in
    --app-image|--app-image-only|--no-deb) want_deb=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

log() { printf '\n==> [%ss] %s\n' "$SECONDS" "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

[[ "$(uname -s)" == Linux ]] || die "this script builds Linux packages; on Windows and macOS see packaging/README.md"

# ---------------------------------------------------------------- JDK 25+
jdk_major() { # JAVA_HOME-like dir -> major version, or nothing
  [[ -f "$1/release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}
jdk=""
for cand in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  [[ -n "$cand" && -x "$cand/bin/jpackage" ]] || continue
  v="$(jdk_major "$cand")"
  if [[ -n "$v" && "$v" -ge 25 ]]; then jdk="$cand"; break; fi
done
[[ -n "$jdk" ]] || die "need a JDK 25 or newer with jpackage; set JAVA_HOME (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)"
export JAVA_HOME="$jdk"
java="$jdk/bin/java"; jar_tool="$jdk/bin/jar"
echo "Using JDK $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$jdk/release") at $jdk"

# ------------------------------------------------------- system packages
# objcopy (binutils): jlink --strip-debug strips native symbols with it.
# fakeroot, dpkg-deb (dpkg-dev), ldd (libc-bin): jpackage --type deb.
need=()
command -v objcopy >/dev/null 2>&1 || need+=(binutils)
if ((want_deb)); then
  command -v fakeroot >/dev/null 2>&1 || need+=(fakeroot)
  command -v dpkg-shlibdeps >/dev/null 2>&1 || need+=(dpkg-dev)
  command -v ldd >/dev/null 2>&1 || need+=(libc-bin)
fi
if ((${#need[@]})); then
  log "Installing missing packages: ${need[*]}"
  sudo=""
  [[ "$(id -u)" -eq 0 ]] || sudo="sudo -n"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq </dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" </dev/null
fi

# ---------------------------------------------------------------- inputs
jar="${MINKA_JAR:-$root/target/minka.jar}"
[[ -f "$jar" ]] || die "no $jar; build it first: JAVA_HOME=$jdk mvn -B package -DskipTests"

out="$root/target/packaging"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

version="${MINKA_VERSION:-}"
if [[ -z "$version" ]]; then
  (cd "$tmp" && "$jar_tool" xf "$jar" META-INF/MANIFEST.MF)
  version="$(sed -n 's/^Implementation-Version: *\([^[:space:]]*\).*/\1/p' "$tmp/META-INF/MANIFEST.MF" | head -n1)"
  version="${version%%-*}"   # 0.1.0-SNAPSHOT -> 0.1.0
fi
[[ "$version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "installer version must be 1-3 numbers, got '${version}' (set MINKA_VERSION)"

case "$(uname -m)" in
  x86_64|amd64) sqlite_arch=Linux/x86_64 ;;
  aarch64|arm64) sqlite_arch=Linux/aarch64 ;;
  *) die "unsupported machine $(uname -m)" ;;
esac

log "Packaging $jar as Minka $version into $out"
rm -rf "$out"
mkdir -p "$out/input"

# ---------------------------------------------------- 1. trim the jar
"$java" "$here/TrimJar.java" "$jar" "$out/input/minka.jar" "$sqlite_arch"
# SQLite's native library, ready beside the jar: otherwise sqlite-jdbc copies it out of the
# jar into the temporary folder at every start (about 70 ms of a 0.26 s `minka report
# balances`; see docs/performance.md). The launcher points sqlite-jdbc at it (java-options
# below); the copy inside the jar stays as a fallback.
mkdir -p "$out/input/native"
(cd "$tmp" && "$jar_tool" xf "$out/input/minka.jar" "org/sqlite/native/$sqlite_arch/libsqlitejdbc.so")
mv "$tmp/org/sqlite/native/$sqlite_arch/libsqlitejdbc.so" "$out/input/native/libsqlitejdbc.so"
# The command line (/usr/bin/minka) starts Java directly with the launcher's options; see the
# script for why.
install -m 755 "$here/linux/minka-command" "$out/input/minka-command"

# ------------------------------------------- 2. modules and jlink runtime
log "Finding the JDK modules the jar uses (jdeps)"
found="$("$jdk/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 25 "$out/input/minka.jar" | tail -n1)"
echo "jdeps: $found"
# Not visible to jdeps, added by hand:
#   jdk.localedata  number/date formats for the UI languages (Spanish, French,
#                   Portuguese, ...); java.base alone only knows English.
#   jdk.unsupported sun.misc.Unsafe, which some libraries look up reflectively.
#   jdk.zipfs       the zip file system provider (service-loaded).
#   java.desktop    JavaFX printing and image I/O go through it (also pulled in
#                   by jdk.unsupported.desktop for javafx-swing).
# Not needed: jdk.crypto.ec (Ed25519 lives in java.base's SunEC since JDK 22;
# the module is empty) and jdk.crypto.cryptoki (PKCS#11 tokens).
modules="$found,jdk.localedata,jdk.unsupported,jdk.zipfs,java.desktop,java.sql"
modules="$(tr ',' '\n' <<<"$modules" | sed '/^$/d' | sort -u | paste -sd, -)"
echo "modules: $modules"

log "Linking the runtime (jlink)"
"$jdk/bin/jlink" \
  --add-modules "$modules" \
  --include-locales "${MINKA_LOCALES:-en,es,fr,pt,qu,ay,gn}" \
  --strip-debug --no-header-files --no-man-pages --compress zip-6 --generate-cds-archive \
  --output "$out/runtime"
# --generate-cds-archive: the runtime's own class-data archive, as a full JDK has, so the JDK's
# classes are mapped at start instead of loaded one by one (0.37 -> 0.30 s for `minka report
# balances` through bin/minka). Only the archive for heaps under 32 GB is kept (14 MB).
rm -f "$out/runtime/lib/server/classes_nocoops.jsa"
# The JDK's native libraries keep full symbol tables (libjvm.so alone: 5 MB).
# Drop them; build ids stay, so a crash report can still be matched with the
# JDK vendor's debug symbols. MINKA_STRIP_NATIVE=0 keeps them.
if [[ "${MINKA_STRIP_NATIVE:-1}" != 0 ]]; then
  before="$(du -sm "$out/runtime" | cut -f1)"
  find "$out/runtime" -name '*.so' -type f -exec objcopy --strip-unneeded {} \;
  echo "Stripped native symbol tables: ${before} MB -> $(du -sm "$out/runtime" | cut -f1) MB"
fi
echo "Runtime: $(du -sh "$out/runtime" | cut -f1)"

# ------------------------------------------------------- 3. app-image
# Options shared by the app-image and the .deb. jpackage names the image folder
# after the launcher, so the image is built as "minka" and its folder renamed,
# giving Minka/bin/minka.
common=(
  --name minka
  --input "$out/input"
  --main-jar minka.jar
  --main-class coop.minka.Main
  --runtime-image "$out/runtime"
  --icon "$root/icons/png/minka-256.png"
  --app-version "$version"
  --vendor "Minka"
  --copyright "Minka contributors"
  --description "Books and shared-work records for grassroots cooperatives"
  --java-options "--enable-native-access=ALL-UNNAMED"
  --java-options "-Dorg.sqlite.lib.path=\$APPDIR/native"
  --java-options "-Dorg.sqlite.lib.name=libsqlitejdbc.so"
)

log "Building the app-image (jpackage)"
"$jdk/bin/jpackage" --type app-image --dest "$tmp/image" "${common[@]}"
mv "$tmp/image/minka" "$out/Minka"
echo "App-image: $out/Minka ($(du -sh "$out/Minka" | cut -f1)), launcher $out/Minka/bin/minka"

# ------------------------------------------------------------- 4. .deb
# Built from the same input and runtime rather than from the app-image: given
# --app-image, JDK 25's jpackage drops the icon and the file association.
# linux/resources/ holds the menu entry (minka.desktop: "Minka", opens .minka
# files) and postinst/prerm (the /usr/bin/minka link). Installs to /opt/minka.
# Depends: jpackage adds the libraries the runtime links against (libc6, X11,
# libxtst6, ...); JavaFX's natives sit inside the jar, so list what they need.
if ((want_deb)); then
  log "Building the .deb (jpackage)"
  deb_args=()
  [[ -n "${MINKA_DEB_MAINTAINER:-}" ]] && deb_args+=(--linux-deb-maintainer "$MINKA_DEB_MAINTAINER")
  "$jdk/bin/jpackage" --type deb --dest "$out" "${common[@]}" \
    --resource-dir "$here/linux/resources" \
    --linux-package-name minka \
    --linux-app-category office \
    --linux-menu-group Office \
    --linux-shortcut \
    --linux-package-deps "libgtk-3-0, libgl1, libxxf86vm1" \
    --file-associations "$here/linux/minka-bundle.properties" \
    "${deb_args[@]}"
  deb="$(ls "$out"/minka_*.deb)"
  echo ".deb: $deb ($(du -h "$deb" | cut -f1))"
fi

log "Done"
du -sh "$out/Minka" "$out"/*.deb 2>/dev/null || true
du -sb "$out/Minka" "$out"/*.deb 2>/dev/null | awk '{printf "%s: %d bytes\n", $2, $1}' || true
