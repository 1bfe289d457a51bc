#!/usr/bin/env bash
# Sets up (scripts/setup.sh), then runs the offline demo into demo-out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build/release/src/cli/stac2h3 demo -o demo-out "$@"
