#!/usr/bin/env bash
# Install and build as needed, then run the whole test suite with ctest.
# Arguments go to ctest (e.g. -R golden); S2P_CMAKE_ARGS to cmake.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck disable=SC2086
"$root/scripts/build.sh" -DS2P_WERROR=ON ${S2P_CMAKE_ARGS:-}
cd "${S2P_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j "$(nproc)" "$@"
