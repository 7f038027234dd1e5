#!/usr/bin/env bash
# Render the decks a change touches (added or modified .pptx files between
# BASE and HEAD) into previews/: PNGs, one contact sheet per deck and a
# manifest.json. Used by the GitHub Actions job in README.md ("Use in CI");
# runs the same way locally:  contrib/render-changed-decks.sh origin/main
# Exit status: slides2png's (0 all written, 3 some slides failed, ...),
# or 0 when no deck changed.
set -uo pipefail
base=${1:?usage: $0 BASE_REF [OUT_DIR]}
out=${2:-previews}
mapfile -t decks < <(git diff --name-only --diff-filter=AM "$base"...HEAD \
  -- '*.pptx' '*.ppsx' '*.potx' '*.pptm')
if [ ${#decks[@]} -eq 0 ]; then
  echo "no deck changed since $base"
  exit 0
fi
mkdir -p "$out"
slides2png "${decks[@]}" -o "$out/<name>-<n:3>.png" --width 1280 \
  --grid "$out/<name>-grid.png" --manifest "$out/manifest.json"
