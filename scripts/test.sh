#!/usr/bin/env bash
# Sets up (scripts/setup.sh), then builds and runs every test twice: in the Release build and
# in an AddressSanitizer + UndefinedBehaviorSanitizer build. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc)

echo "== tests: Release"
ctest --test-dir build/release --output-on-failure -j"$jobs"

echo "== tests: ASan + UBSan"
cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DSTAC2H3_SANITIZE=ON -DSTAC2H3_WERROR=ON \
  -DSTAC2H3_BUILD_BENCH=OFF -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g" >/dev/null
cmake --build build/asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/asan --output-on-failure -j"$jobs" -LE no_sanitizer
