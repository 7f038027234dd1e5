#!/usr/bin/env bash
# Install the Debian packages slides2png needs to build, test and render
# (compiler, CMake, libraries, and the fonts its output depends on).
# As root it runs apt-get; otherwise it prints the command to run.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libzip-dev libxml2-dev libcairo2-dev libpango1.0-dev libjpeg-dev libpng-dev
  libtiff-dev libdeflate-dev
  libfontconfig-dev fontconfig
  fonts-crosextra-carlito fonts-crosextra-caladea fonts-liberation2
  fonts-dejavu-core fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
  fonts-urw-base35 fonts-farsiweb
  python3
)

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
