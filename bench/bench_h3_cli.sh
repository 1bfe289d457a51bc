#!/usr/bin/env bash
# Times `stac2h3 h3 cell --res 9` on a million random points (parsing and output included)
# against h3-js on the same points, and checks that both give the same ids.
# Usage: bench/bench_h3_cli.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

node -e '
  let s = 12345;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out = [];
  for (let i = 0; i < 1e6; i++) {
    out.push(`${(Math.asin(2 * next() - 1) * 180) / Math.PI},${next() * 360 - 180}`);
  }
  require("fs").writeFileSync(process.argv[1], out.join("\n") + "\n");
' "$work/points.txt"

echo "stac2h3 h3 cell --res 9, 1,000,000 points (read, convert, write):"
/usr/bin/time -f "  %e s wall, %U s user" "$build/src/cli/stac2h3" h3 cell --res 9 \
  <"$work/points.txt" >"$work/ours.txt"
node bench/h3js_cells.mjs "$work/points.txt" 9 >"$work/h3js.txt"
if cmp -s "$work/ours.txt" "$work/h3js.txt"; then
  echo "same 1,000,000 ids as h3-js"
else
  echo "ids differ from h3-js on $(diff "$work/ours.txt" "$work/h3js.txt" | grep -c '^<') lines"
fi
