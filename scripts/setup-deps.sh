#!/usr/bin/env bash
# Install the Debian packages slides2png needs, as root with apt-get
# (otherwise it prints the command to run):
#   setup-deps.sh            build, test and render: compiler, CMake, the
#                            -dev libraries, the fonts the output depends
#                            on, and the test tools
#   setup-deps.sh --build    the same without the test tools (CI recipes
#                            that build and render, never test)
#   setup-deps.sh --runtime  only what the installed program needs to run:
#                            the shared libraries and the fonts (containers)
# The lists below are the one place they are kept: the README's CI recipe
# and contrib/Dockerfile run this script.
set -euo pipefail

BUILD=(
  build-essential cmake pkg-config
  libzip-dev libxml2-dev libcairo2-dev libpango1.0-dev libjpeg-dev libpng-dev
  libtiff-dev libdeflate-dev libgif-dev libwebp-dev librsvg2-dev
  libfontconfig-dev libfreetype-dev
)
# the shared libraries of BUILD's -dev packages (keep the two in step)
RUNTIME=(
  libzip4 libxml2 libcairo2 libpango-1.0-0 libpangocairo-1.0-0
  libpangoft2-1.0-0 libjpeg62-turbo libpng16-16 libtiff6 libdeflate0
  libgif7 libwebp7 librsvg2-2 libfreetype6
)
FONTS=(
  fontconfig
  fonts-crosextra-carlito fonts-crosextra-caladea fonts-liberation2
  fonts-dejavu-core fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
  fonts-urw-base35 fonts-farsiweb fonts-hosny-amiri fonts-ipafont-gothic
  fonts-ipafont-mincho
)
# the test suite: python3 for the e2e scripts, chromium to open the deck
# diff's HTML report (tests/e2e/diff.sh)
TEST=(python3 chromium)

case "${1:-}" in
  --runtime) PACKAGES=("${RUNTIME[@]}" "${FONTS[@]}") ;;
  --build) PACKAGES=("${BUILD[@]}" "${FONTS[@]}") ;;
  "") PACKAGES=("${BUILD[@]}" "${FONTS[@]}" "${TEST[@]}") ;;
  *) echo "usage: $0 [--build | --runtime]" >&2; exit 2 ;;
esac

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}" >&2
else
  echo "setup: not root; run this, then try again:" >&2
  echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
