#!/usr/bin/env bash
# Draws pages of the report PDF that implan makes itself (no browser) as PNGs for the README: the first page
# and the first page of the Gantt chart, through poppler's pdftoppm, as a reader's PDF viewer would show them.
# Usage: docs/report-pdf.sh [PLAN] [OUT-DIR]    Needs poppler-utils (apt-get install poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
plan=${1:-examples/beiarn-progress.toml}
out=${2:-docs/img}
implan=${IMPLAN:-target/release/implan}
cargo build --release --quiet
command -v pdftoppm >/dev/null || { echo "pdftoppm is not installed: apt-get install poppler-utils" >&2; exit 2; }
pdf=$(mktemp --suffix=.pdf)
trap 'rm -f "$pdf"' EXIT
"$implan" report "$plan" --today 2026-11-23 -o "$pdf" >/dev/null
# The first landscape page is the Gantt chart's first.
gantt=$(pdfinfo -f 1 -l 999 "$pdf" 2>/dev/null | awk '/^Page.*size:/ && $4 > $6 { print $2; exit }')
pdftoppm -r 80 -png -singlefile -f 1 -l 1 "$pdf" "$out/report-pdf-first-page"
pdftoppm -r 80 -png -singlefile -f "$gantt" -l "$gantt" "$pdf" "$out/report-pdf-gantt"
echo "wrote $out/report-pdf-first-page.png and $out/report-pdf-gantt.png (page $gantt)"
