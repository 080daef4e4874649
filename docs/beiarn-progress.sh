#!/usr/bin/env bash
# Makes examples/beiarn-progress.toml: plans/beiarn-omni.toml with its first months' progress recorded by
# `implan done` and `implan set`, as it might stand on 23 November 2026. The README's examples of the views
# are made from it. Run from the repository root after changing plans/beiarn-omni.toml; the test
# `progress_example_is_made_by_this_script` fails until you do.
set -euo pipefail
cd "$(dirname "$0")/.."
implan=${IMPLAN:-target/release/implan}
[ -x "$implan" ] || cargo build --release --quiet
out=examples/beiarn-progress.toml
{
  echo "#:schema ../implan.schema.json"
  echo "# The Beiarn plan (plans/beiarn-omni.toml) as it might stand on 23 November 2026, with progress recorded by"
  echo "# \`implan done\` and \`implan set\` (docs/beiarn-progress.sh). The README's examples of the views are made from"
  echo "# this file; the progress is illustrative, not reported by Beiarn municipality."
  echo
  tail -n +2 plans/beiarn-omni.toml   # all but its own #:schema line, which stays the first line
} > "$out"
"$implan" done "$out" oppstartsmote --date 2026-03-12
"$implan" done "$out" kartlegging --date 2026-04-24
"$implan" done "$out" personaldag-omni --date 2026-05-08
"$implan" done "$out" informasjonskampanje --date 2026-06-15
"$implan" done "$out" planleggingsdag --date 2026-08-14
"$implan" set "$out" opplaering-regelverk status=avlyst
"$implan" done "$out" personaldag-verdigrunnlag --date 2026-10-16
"$implan" set "$out" forebyggende-arbeid status=pågår
