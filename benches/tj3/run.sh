#!/usr/bin/env bash
# Compares `implan check` with TaskJuggler 3 (`tj3 --no-reports`) on the same generated plans.
#
#   benches/tj3/run.sh                 # N = 1000 10000 100000
#   benches/tj3/run.sh 1000 10000      # other sizes
#
# For each N: genplan N > plan.toml, tjp.py plan.toml > project.tjp, then
#   - peak RSS and wall time of one run of each under /usr/bin/time (tj3's under `timeout`, see below);
#   - hyperfine: implan `--runs 5`, tj3 `--runs 3 --warmup 0`, JSON in $OUT_DIR.
# tj3 is run once first under `timeout $TJ3_TIMEOUT` (300 s): when that run does not finish, tj3 is skipped for
# this N and every larger one ("skipped: > 5 min"). That run also gives tj3's exit code and warning count.
#
# Environment: CARGO_TARGET_DIR (respected), WORK_DIR (generated plans, default /tmp/implan-tj3-bench),
# OUT_DIR (JSON, logs and results.md, default target/bench/tj3), TJ3_TIMEOUT (seconds, default 300),
# TJ3_OWNER (`allocate`, the default, or `responsible`: how tjp.py maps an activity's owner).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${WORK_DIR:-${TMPDIR:-/tmp}/implan-tj3-bench}
out=${OUT_DIR:-$root/target/bench/tj3}
timeout_s=${TJ3_TIMEOUT:-300}
owner_mode=${TJ3_OWNER:-allocate}
if ((timeout_s % 60 == 0)); then limit="$((timeout_s / 60)) min"; else limit="${timeout_s} s"; fi
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 100000)
mkdir -p "$work" "$out"
work=$(cd "$work" && pwd)
out=$(cd "$out" && pwd)

for tool in tj3 hyperfine python3 timeout; do
    command -v "$tool" >/dev/null || { echo "error: $tool is not installed" >&2; exit 1; }
done
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time (GNU time) is not installed" >&2; exit 1; }

# Build from the repository root, wherever this is run from; cargo itself honours CARGO_TARGET_DIR.
echo "building genplan and implan (release)..." >&2
(cd "$root" && cargo build --quiet --release --example genplan --bin implan)
target=$(cd "$root" && cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
genplan=$target/release/examples/genplan
implan=$target/release/implan

# Median seconds from a hyperfine JSON export.
median() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }
# "12.3 MB" for a byte count, "12 MB" for KB from /usr/bin/time.
human_bytes() { python3 -c 'import sys; b = float(sys.argv[1]); u = "B"
for u in ("B", "KB", "MB", "GB"):
    if b < 1024 or u == "GB": break
    b /= 1024
print(f"{b:.1f} {u}" if u != "B" else f"{int(b)} B")' "$1"; }
human_time() { python3 -c 'import sys; t = float(sys.argv[1]); print(f"{t*1000:.0f} ms" if t < 1 else f"{t:.2f} s")' "$1"; }
# Peak RSS (KB) from a /usr/bin/time -f "%e s %M KB" output file: its last line.
peak_kb() { tail -n 1 "$1" | awk '{print $3}'; }

tj3_version=$(tj3 --version 2>/dev/null | grep -m1 -oE '[0-9]+\.[0-9]+(\.[0-9]+)?' || echo "?")
{
    echo "## implan check vs TaskJuggler $tj3_version"
    echo
    echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, load average before: $(cut -d' ' -f1-3 /proc/loadavg);"
    echo "$("$implan" --version 2>/dev/null || echo implan), $(hyperfine --version), $(python3 --version); owners as \`$owner_mode\`."
    echo
    echo "| N | plan.toml | project.tjp | implan median | implan peak RSS | tj3 median | tj3 peak RSS | tj3 / implan | tj3 exit, warnings |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---|"
} >"$out/results.md.tmp"
cat "$out/results.md.tmp"

skip_from=""
for n in "${sizes[@]}"; do
    plan=$work/plan-$n.toml
    tjp=$work/project-$n.tjp
    echo "N=$n: generating..." >&2
    "$genplan" "$n" >"$plan"
    python3 "$here/tjp.py" --owner "$owner_mode" "$plan" >"$tjp"
    toml_size=$(human_bytes "$(stat -c %s "$plan")")
    tjp_size=$(human_bytes "$(stat -c %s "$tjp")")

    # implan: one run for memory and its exit code, then hyperfine.
    echo "N=$n: implan check..." >&2
    set +e
    /usr/bin/time -f "%e s %M KB" -o "$out/implan-$n.time" "$implan" check "$plan" >"$out/implan-$n.log" 2>&1
    implan_rc=$?
    set -e
    if [[ $implan_rc -ne 0 ]]; then
        echo "warning: implan check exited $implan_rc on $plan (see $out/implan-$n.log)" >&2
    fi
    hyperfine --runs 5 --ignore-failure --style basic --export-json "$out/implan-$n.json" \
        "$implan check $plan" >&2
    implan_med=$(median "$out/implan-$n.json")
    implan_kb=$(peak_kb "$out/implan-$n.time")

    # tj3: skipped once a smaller N took too long.
    if [[ -n $skip_from ]]; then
        tj3_cols="skipped: > $limit | – | – | –"
    else
        echo "N=$n: tj3 (one run under timeout ${timeout_s}s)..." >&2
        set +e
        timeout "$timeout_s" /usr/bin/time -f "%e s %M KB" -o "$out/tj3-$n.time" \
            tj3 --no-reports "$tjp" >"$work/tj3-$n.progress" 2>"$out/tj3-$n.log"
        tj3_rc=$?
        set -e
        if [[ $tj3_rc -eq 124 ]]; then
            skip_from=$n
            tj3_cols="skipped: > $limit | – | – | –"
        else
            warnings=$(grep -c ': Warning:' "$out/tj3-$n.log" || true)
            errors=$(grep -c ': Error:' "$out/tj3-$n.log" || true)
            [[ $tj3_rc -eq 0 ]] || echo "warning: tj3 exited $tj3_rc with $errors errors (see $out/tj3-$n.log)" >&2
            tj3_kb=$(peak_kb "$out/tj3-$n.time")
            hyperfine --runs 3 --warmup 0 --ignore-failure --style basic --export-json "$out/tj3-$n.json" \
                "tj3 --no-reports $tjp" >&2
            tj3_med=$(median "$out/tj3-$n.json")
            ratio=$(python3 -c 'import sys; print(f"{float(sys.argv[1]) / float(sys.argv[2]):.0f}×")' "$tj3_med" "$implan_med")
            status="exit $tj3_rc, $warnings warnings"
            [[ $errors -eq 0 ]] || status="$status, $errors errors"
            tj3_cols="$(human_time "$tj3_med") | $(human_bytes $((tj3_kb * 1024))) | $ratio | $status"
        fi
    fi
    row="| $n | $toml_size | $tjp_size | $(human_time "$implan_med") | $(human_bytes $((implan_kb * 1024))) | $tj3_cols |"
    echo "$row" | tee -a "$out/results.md.tmp"
done
mv "$out/results.md.tmp" "$out/results.md"
echo >&2
echo "results: $out/results.md; JSON and logs in $out; plans in $work" >&2
