#!/usr/bin/env bash
# Install and build as needed, then render the bundled sample deck into
# out/sample/ and list the PNGs written.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" >&2
mkdir -p "$root/out/sample"
"$root/build/slides2png" "$root/samples/sample.pptx" -o "$root/out/sample/slide_<n>.png"
echo "rendered into $root/out/sample/" >&2
