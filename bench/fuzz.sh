#!/usr/bin/env bash
# @file fuzz.sh
# @brief Builds the libFuzzer targets of fuzz/ with clang (ASan + UBSan, build/fuzz) and runs
# each for SECONDS (default 60), one at a time on one core, starting from the checked-in seed
# corpus plus what earlier runs found (build/fuzz/corpus/<target>). Prints executions, corpus
# size and findings per target; a finding (crash, leak, sanitizer report, failed check, timeout,
# out of memory) is saved as build/fuzz/findings/<target>/<kind>-<hash>: replay it with
# `build/fuzz/fuzz/fuzz_<target> FILE`, fix the bug, and add the file to fuzz/corpus/<target>/.
# Usage: bench/fuzz.sh [SECONDS] [TARGET...]   (exit status 1 when anything was found)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(item_json item_ndjson api_page aoi_geojson gpkg_geometry zarr_metadata)

build=build/fuzz
launcher=()  # ccache speeds up rebuilds where it is installed; setup.sh does not need it
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O2 -g" -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DSTAC2H3_BUILD_FUZZERS=ON -DSTAC2H3_BUILD_TESTS=OFF \
  -DSTAC2H3_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}" >/dev/null

status=0
for target in "${targets[@]}"; do
  corpus=$build/corpus/$target
  findings=$build/findings/$target
  mkdir -p "$corpus" "$findings"
  dict=fuzz/json.dict
  [ "$target" = gpkg_geometry ] && dict=
  [ "$target" = zarr_metadata ] && dict=fuzz/zarr.dict
  before=$(find "$findings" -type f | wc -l)
  log=$build/$target.log
  # New inputs go to the working corpus; the seeds are read only.
  "$build/fuzz/fuzz_$target" "$corpus" "fuzz/corpus/$target" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" \
    ${dict:+-dict=$dict} >"$log" 2>&1 || true
  # The final stats, or after a finding the last progress line ("#12345 ...").
  executions=$(awk '/stat::number_of_executed_units/ {print $NF}' "$log")
  [ -n "$executions" ] || executions=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  rate=$(awk '/stat::average_exec_per_sec/ {print $NF}' "$log")
  found=$(($(find "$findings" -type f | wc -l) - before))
  printf '%-14s %12s executions (%s/s) in %s s, corpus %d, findings %d\n' "$target" \
    "${executions:-?}" "${rate:-?}" "$seconds" "$(find "$corpus" -type f | wc -l)" "$found"
  if [ "$found" -gt 0 ] || ! grep -q "Done .* runs in" "$log"; then
    status=1
    grep -m3 -E "ERROR|FUZZ_CHECK|SUMMARY|Test unit written" "$log" | sed 's/^/    /'
  fi
done
exit $status
