#!/usr/bin/env bash
# @file pyramid.sh
# @brief The pyramid benchmark of issue 12: one items file resampled at level RES alone, then
# with `--pyramid` (every level RES..0); wall, CPU (user+sys), peak RSS, the write phase and
# the Zarr size of each, and the pyramid's time relative to the level alone.
#
# Usage: bench/pyramid.sh [BUILD_DIR] [ITEMS_GPKG] [RES]
#   BUILD_DIR   where stac2h3 was built (default build/release)
#   ITEMS_GPKG  the items (default: a global synthetic year, synthesised to
#               $PYRAMID_DIR/year.gpkg when missing: ~10 min, 2.6 GB)
#   RES         the finest level (default 5)
# Environment: PYRAMID_DIR (work directory, default /tmp/stac2h3-pyramid; the last run's outputs
#   kept there as level.zarr and pyramid.zarr); RUNS (pairs of runs, default 1: on a shared or
#   virtual machine the wall time of one pair can move by a third; the best of each is
#   printed last).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
work=${PYRAMID_DIR:-/tmp/stac2h3-pyramid}
items=${2:-$work/year.gpkg}
res=${3:-5}
stac2h3="$(pwd)/$build/src/cli/stac2h3"
mkdir -p "$work"

if [ ! -f "$items" ]; then
  "$stac2h3" synth --start 2025-01-01 --end 2025-12-31 --seed 1 -o "$items"
fi

# The last run's cubes are moved aside now and deleted at the end: ext4 skips inodes freed in
# the last minutes (1 to 6) when it allocates new ones, and creating a cube's ~8,000 chunk
# files right after deleting as many cost up to 5 s of kernel CPU. Leave a few minutes
# between runs for the same reason.
old="$work/previous.$$"
mkdir -p "$old"
for name in level pyramid; do [ ! -e "$work/$name.zarr" ] || mv "$work/$name.zarr" "$old/"; done
trap 'rm -rf "$old"' EXIT

declare -A wall cpu rss write size
run() {  # name, then the resample flags
  local name=$1 cube="$work/$1.zarr"
  shift
  [ ! -e "$cube" ] || mv "$cube" "$old/$name.$(date +%s%N).zarr"  # an earlier run's of this call
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.log" \
    "$stac2h3" resample "$items" --res "$res" -o "$cube" "$@" 2> "$work/$name.log" ||
    { cat "$work/$name.log" >&2; exit 1; }
  grep -E "phases|pyramid of" "$work/$name.log" | sed "s/^stac2h3 resample/  $name/" >&2
  read -r w user sys rss_kb < "$work/time.log"
  wall[$name]=$w
  cpu[$name]=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  rss[$name]=$((rss_kb / 1024))
  write[$name]=$(sed -n 's/.*write \([0-9.]*\) s.*/\1/p' "$work/$name.log")
  size[$name]=$(du -sb "$cube" | awk '{printf "%.0f", $1 / 1e6}')
}

runs=${RUNS:-1}
best_level="" best_pyramid=""
echo "| run | levels | wall s | CPU s | peak RSS MB | write s | Zarr MB |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for ((r = 1; r <= runs; ++r)); do
  echo "load before: $(uptime | sed 's/.*load average: //')  cores: $(nproc)" >&2
  run level
  run pyramid --pyramid
  echo "load after: $(uptime | sed 's/.*load average: //')" >&2
  echo "| level $res alone | $res | ${wall[level]} | ${cpu[level]} | ${rss[level]} | ${write[level]} | ${size[level]} |"
  echo "| pyramid | $res..0 | ${wall[pyramid]} | ${cpu[pyramid]} | ${rss[pyramid]} | ${write[pyramid]} | ${size[pyramid]} |"
  echo "pyramid / level $res: wall $(echo "scale=2; ${wall[pyramid]} / ${wall[level]}" | bc)x," \
    "CPU $(echo "scale=2; ${cpu[pyramid]} / ${cpu[level]}" | bc)x"
  best_level=$(printf '%s\n' ${best_level} "${wall[level]}" | sort -g | head -1)
  best_pyramid=$(printf '%s\n' ${best_pyramid} "${wall[pyramid]}" | sort -g | head -1)
done
if ((runs > 1)); then
  echo "best of $runs: level $res alone ${best_level} s, pyramid ${best_pyramid} s," \
    "pyramid / level $res $(echo "scale=2; ${best_pyramid} / ${best_level}" | bc)x"
fi
