#!/usr/bin/env bash
# png-bench.sh -- compare PNG writers on real slides: renders DECKs with
# slides2png, then bench/png-experiment.c re-encodes every slide with the
# old libpng writer (zlib 1, Up) and the libdeflate writer's strategies,
# printing ms and bytes per image. Run under valgrind --tool=callgrind
# (ONLY=k picks one writer) for repeatable instruction counts.
# Usage: bench/png-bench.sh SLIDES2PNG DECK.pptx...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=$1; shift
work=$(mktemp -d /tmp/s2p-png-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
gcc -O2 -g -std=c11 -D_POSIX_C_SOURCE=200809L -I"$root/src" -I"$root/include" \
  $(pkg-config --cflags cairo libpng libdeflate) "$here/png-experiment.c" \
  "$root/src/output/png.c" "$root"/src/base/*.c -o "$work/png-exp" \
  $(pkg-config --libs cairo libpng libdeflate) -lpthread -lm
for deck in "$@"; do
  name=$(basename "$(dirname "$deck")")
  mkdir -p "$work/$name"
  "$bin" "$deck" -o "$work/$name/s_<n>.png" -w 1280 -q >/dev/null
  echo "== $name ($(ls "$work/$name" | wc -l) slides)"
  "$work/png-exp" "$work/$name"/*.png
done
