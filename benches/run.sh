#!/usr/bin/env bash
# Times whole `implan` processes on generated plans: check, schedule, status, done and add for each size, the
# bare TOML parse of the same file as the floor, and the Beiarn plan; peak memory with /usr/bin/time.
#
#   benches/run.sh                 # sizes 1000 10000 100000
#   benches/run.sh 1000 10000      # chosen sizes
#   RUNS=20 benches/run.sh         # more runs per command (default 10)
#
# Needs hyperfine (Debian: apt-get install hyperfine) and GNU time (/usr/bin/time). Writes the plans, the
# hyperfine JSON and a Markdown table under ${OUT:-target/bench}; the table is also printed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
runs=${RUNS:-10}
out=${OUT:-$root/target/bench}
mkdir -p "$out"
command -v hyperfine >/dev/null || { echo "error: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time (GNU time) is not installed (apt-get install time)" >&2; exit 2; }

cargo build --release --quiet --bin implan --example genplan --example tomlparse
target=${CARGO_TARGET_DIR:-$root/target}
implan=$target/release/implan
genplan=$target/release/examples/genplan
tomlparse=$target/release/examples/tomlparse

# Peak resident memory of one run, in MB.
peak_mb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{ printf "%.0f", $1 / 1024 }'; }
# The median of a hyperfine JSON export, in milliseconds.
median_ms() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f" % (r["median"] * 1000))' "$1"; }

table="$out/results.md"
{
  echo "| activities | file | command | median | peak memory | memory / file |"
  echo "|---:|---:|---|---:|---:|---:|"
} > "$table"
row() { # n, file MB, command name, json, peak MB
  local ratio
  ratio=$(python3 -c "print('%.1fx' % ($5 / max($2, 0.001)))")
  echo "| $1 | $2 MB | $3 | $(median_ms "$4") ms | $5 MB | $ratio |" >> "$table"
}

for n in "${sizes[@]}"; do
  plan="$out/plan-$n.toml"
  "$genplan" "$n" > "$plan"
  mb=$(python3 -c "import os; print('%.2f' % (os.path.getsize('$plan') / 1e6))")
  today="--today 2031-03-15"
  work="$out/work-$n.toml"
  mid=$(printf 'a%06d' $((n / 2)))
  declare -A cmds=(
    [parse]="$tomlparse $plan"
    [check]="$implan check $plan"
    [schedule]="$implan schedule $plan $today"
    [status]="$implan status $plan $today"
    [done]="$implan done $work $mid --date 2031-03-15"
    [add]="$implan add $work --phase termin-10 --title Foreldremøte --when 2031-10 --owner prosjektleder"
  )
  for name in parse check schedule status done add; do
    json="$out/$name-$n.json"
    prepare=()
    case $name in done | add) prepare=(--prepare "cp $plan $work"); cp "$plan" "$work" ;; esac
    hyperfine -N --style none --runs "$runs" --warmup 1 "${prepare[@]}" --export-json "$json" --output null \
      "${cmds[$name]}" > /dev/null
    case $name in done | add) cp "$plan" "$work" ;; esac
    # shellcheck disable=SC2086
    row "$n" "$mb" "$name" "$json" "$(peak_mb ${cmds[$name]})"
  done
done

beiarn="$root/plans/beiarn-omni.toml"
hyperfine -N --style none --runs 50 --warmup 3 --export-json "$out/check-beiarn.json" --output null \
  "$implan check $beiarn" > /dev/null
row "$(grep -c '^\s*\[\[phase.activity\]\]' "$beiarn")" \
  "$(python3 -c "import os; print(f'{os.path.getsize(\"$beiarn\") / 1e6:.3f}')")" "check (Beiarn)" \
  "$out/check-beiarn.json" "$(peak_mb "$implan" check "$beiarn")"

echo
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $runs runs each (median)"
cat "$table"
