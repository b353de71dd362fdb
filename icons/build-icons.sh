#!/usr/bin/env bash
# Regenerate every raster icon from the SVG sources.
#
#   icons/minka.svg      master artwork (24 px and up)
#   icons/minka-16.svg   pixel-tuned 16 px variant
#
# Writes (all committed, so a normal build needs none of these tools):
#   icons/png/minka-<N>.png      N = 16 24 32 48 64 128 256 512 1024
#   icons/minka.ico              Windows, 16..256 px in one file
#   icons/minka.icns             macOS, 16..1024 px, artwork inset to Apple's
#                                824/1024 grid so it sits right in the Dock
#   src/main/resources/coop/minka/icons/minka-<N>.png
#                                N = 16 32 48 64 128 256 (JavaFX window icons)
#
# Usage: icons/build-icons.sh        (from anywhere; runs as root in CI too)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

need=()
command -v rsvg-convert >/dev/null 2>&1 || need+=(librsvg2-bin)
command -v convert >/dev/null 2>&1 || need+=(imagemagick)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if ((${#need[@]})); then
  echo "Installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" </dev/null
fi

png="$here/png"
mkdir -p "$png"

render() { # svg size out.png
  rsvg-convert --width "$2" --height "$2" --keep-aspect-ratio "$1" --output "$3"
}

for n in 16 24 32 48 64 128 256 512 1024; do
  src="$here/minka.svg"
  [[ $n == 16 ]] && src="$here/minka-16.svg"
  render "$src" "$n" "$png/minka-$n.png"
done

# Windows: one .ico holding 16..256 px (256 px stored as PNG by ImageMagick).
convert "$png"/minka-{16,24,32,48,64,128,256}.png "$here/minka.ico"

# macOS: Apple's template puts the rounded square in the middle 824/1024 of the
# canvas. minka.svg's square already fills 480/512, so render it at
# N * (824/1024) / (480/512) and centre it on a transparent N x N canvas.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
args=()
for n in 16 32 64 128 256 512 1024; do
  inner=$(( (n * 824 * 512 + 1024 * 480 / 2) / (1024 * 480) ))
  render "$here/minka.svg" "$inner" "$tmp/inner-$n.png"
  convert -background none "$tmp/inner-$n.png" -gravity center -extent "${n}x${n}" \
    -define png:exclude-chunks=date,time "PNG32:$tmp/mac-$n.png"
  args+=("$n=$tmp/mac-$n.png")
done
python3 "$here/make_icns.py" "$here/minka.icns" "${args[@]}"

# JavaFX window icons, loaded from the classpath by the app.
res="$root/src/main/resources/coop/minka/icons"
mkdir -p "$res"
for n in 16 32 48 64 128 256; do
  cp "$png/minka-$n.png" "$res/minka-$n.png"
done

echo "Icons written to $here and $res"
