#!/usr/bin/env bash
# Installs every dependency of stac2h3 on Debian 12 (apt and npm), then builds the Release
# binary into build/release. Idempotent: a second run installs nothing and rebuilds only
# what changed. Usage: scripts/setup.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  build-essential cmake pkg-config git ca-certificates
  libgtest-dev libgmock-dev libbenchmark-dev libcli11-dev
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin proj-data
  libcurl4-openssl-dev libsimdjson-dev libtbb-dev libcairo2-dev libgif-dev libsqlite3-dev
  libzstd-dev
  python3 python3-numpy python3-xarray python3-zarr python3-geopandas python3-shapely python3-pyproj
  chromium libcpp-httplib-dev
  python3-rtree          # bench/resample_reference.sh: geopandas' overlay needs a spatial index
  clang libclang-rt-14-dev  # bench/fuzz.sh: libFuzzer and the sanitizers' clang runtimes
  sqlite3 time bc        # bench/update.sh (and the other bench scripts: /usr/bin/time, bc)
)

# Node.js may come from elsewhere than Debian (its npm then conflicts with Debian's): install
# Debian's only where there is none.
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm packages (h3-js oracle, world-atlas coastlines and land, the web viewer's deck.gl),
# pinned by package-lock.json; reinstalled only when the lockfile changes.
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" != "--no-build" ]; then
  cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DSTAC2H3_WERROR=ON >/dev/null
  cmake --build build/release -j"$(nproc)"
fi
