#!/usr/bin/env bash
# The årshjul of the Beiarn plan as four renderers draw it, for a person to compare (README, "Pictures and
# exports"): Chromium (the SVG in a browser), librsvg (rsvg-convert: GNOME, LibreOffice's import), resvg
# (implan's own PNG) and poppler (pdftoppm, implan's PDF). Writes docs/img/renderers/*.png, 600 pixels wide.
# Needs chromium, librsvg2-bin and poppler-utils (apt-get install chromium librsvg2-bin poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
implan=${IMPLAN:-target/debug/implan}
out=docs/img/renderers
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
args=(wheel plans/beiarn-omni.toml --today 2026-11-30)
"$implan" "${args[@]}" -o "$tmp/wheel.svg" >/dev/null
"$implan" "${args[@]}" -o "$out/resvg.png" --dpi 64 >/dev/null
"$implan" "${args[@]}" -o "$tmp/wheel.pdf" >/dev/null
rsvg-convert -w 600 "$tmp/wheel.svg" -o "$out/librsvg.png"
pdftoppm -png -singlefile -scale-to-x 600 -scale-to-y -1 "$tmp/wheel.pdf" "$out/pdftoppm"
height=$(sed -n 's/.*<svg [^>]* height="\([0-9]*\)".*/\1/p' "$tmp/wheel.svg" | head -1)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$tmp/profile" --hide-scrollbars \
    --force-device-scale-factor=0.6667 --window-size=900,"$height" --screenshot="$out/chromium.png" \
    "file://$tmp/wheel.svg" 2>/dev/null
ls -l "$out"
