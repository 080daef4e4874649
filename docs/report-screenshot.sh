#!/usr/bin/env bash
# Renders the HTML report of a plan to a PNG screenshot and an A4 PDF with Debian's headless Chromium, to look
# at the report as a reader will. Usage: docs/report-screenshot.sh [PLAN] [OUT-DIR]
# Needs chromium (apt-get install chromium). Not part of CI: the tests check the report's structure instead.
set -euo pipefail
cd "$(dirname "$0")/.."
plan=${1:-examples/beiarn-progress.toml}
out=${2:-docs/img}
implan=${IMPLAN:-target/release/implan}
[ -x "$implan" ] || cargo build --release --quiet
command -v chromium >/dev/null || { echo "chromium is not installed: apt-get install chromium" >&2; exit 2; }
mkdir -p "$out"
html="$out/report.html"
"$implan" report "$plan" --today 2026-11-23 -o "$html"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
       --disable-sync --no-first-run --user-data-dir="$profile")
url="file://$(realpath "$html")"
chromium "${flags[@]}" --window-size=1200,2400 --screenshot="$(realpath "$out")/report.png" "$url" 2>/dev/null
chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$(realpath "$out")/report.pdf" "$url" 2>/dev/null
echo "wrote $out/report.html, $out/report.png and $out/report.pdf"
