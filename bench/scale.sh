#!/usr/bin/env bash
# @file scale.sh
# @brief The scale benchmark of issues 4 and 5 in one command: synthesise a global month and
# a global year, resample each at res 3 and 5, print items/s, wall, CPU, peak RSS and sizes.
#
# Usage: bench/scale.sh [BUILD_DIR] [YEAR_GPKG]
#   BUILD_DIR  where stac2h3 was built (default build/release)
#   YEAR_GPKG  an existing global year of items to reuse (synthesised there when missing);
#              "skip" leaves the year out.
# Environment: SCALE_DIR (work directory, default /tmp/stac2h3-scale; outputs are kept there),
#              SCALE_RES (resolutions, default "3 5"), SCALE_LONG_MAX_RES (largest resolution
#              that also writes the --gpkg long table, default 3: at res 5 a year is ~100 M rows).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
year=${2:-}
stac2h3="$(pwd)/$build/src/cli/stac2h3"
work=${SCALE_DIR:-/tmp/stac2h3-scale}
resolutions=${SCALE_RES:-"3 5"}
long_max_res=${SCALE_LONG_MAX_RES:-3}
mkdir -p "$work"
rows=()

mb() { if [ -e "$1" ]; then du -sb "$1" | awk '{printf "%.0f", $1 / 1e6}'; else echo "-"; fi; }

# Runs "$@" under /usr/bin/time; sets wall, cpu (user+sys) and rss_mb.
timed() {
  local log="$work/time.log"
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" 2> "$work/stderr.log" ||
    { cat "$work/stderr.log" >&2; exit 1; }
  read -r wall user sys rss_kb < "$log"
  cpu=$(echo "$user + $sys" | bc)
  rss_mb=$((rss_kb / 1024))
}

row() {  # name step res items
  local rate
  rate=$(echo "scale=0; $4 / $wall" | bc 2> /dev/null || echo "-")
  rows+=("$(printf '| %-6s | %-8s | %3s | %9s | %9s | %7s | %7s | %8s | %8s | %8s | %10s |' \
    "$1" "$2" "$3" "$4" "$rate" "$wall" "$cpu" "$rss_mb" "$5" "$6" "$7")")
}

run_input() {  # name start end gpkg
  local name=$1 gpkg=$4
  if [ ! -f "$gpkg" ]; then
    timed "$stac2h3" synth --start "$2" --end "$3" --seed 1 -o "$gpkg"
    items=$(sqlite3 "$gpkg" "select count(*) from items")
    row "$name" synth - "$items" "$(mb "$gpkg")" - -
  else
    items=$(sqlite3 "$gpkg" "select count(*) from items")
  fi
  for res in $resolutions; do
    local cube="$work/$name-r$res.zarr" long="$work/$name-r$res-long.gpkg"
    local long_flag=()
    rm -rf "$cube" "$long"
    if [ "$res" -le "$long_max_res" ]; then long_flag=(--gpkg "$long"); fi
    timed "$stac2h3" resample "$gpkg" --res "$res" -o "$cube" "${long_flag[@]}"
    grep "phases" "$work/stderr.log" | sed "s/^stac2h3 resample/  $name res $res/" >&2
    row "$name" resample "$res" "$items" "$(mb "$gpkg")" "$(mb "$cube")" "$(mb "$long")"
  done
}

echo "load before: $(uptime | sed 's/.*load average: //')  cores: $(nproc)" >&2
run_input month 2025-06-01 2025-06-30 "$work/month.gpkg"
if [ "$year" != "skip" ]; then
  run_input year 2025-01-01 2025-12-31 "${year:-$work/year.gpkg}"
fi
echo "load after: $(uptime | sed 's/.*load average: //')" >&2
echo "| input  | step     | res |     items |   items/s | wall s  |  CPU s  | RSS MB   | GPKG MB  | Zarr MB  | long MB    |"
echo "| ------ | -------- | --- | --------- | --------- | ------- | ------- | -------- | -------- | -------- | ---------- |"
printf '%s\n' "${rows[@]}"
