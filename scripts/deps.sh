#!/usr/bin/env bash
# Install what the build, the tests and the benchmark need, if missing (Debian 12).
set -euo pipefail
pkgs=(cmake ninja-build g++ pkg-config libgtest-dev libzstd-dev zstd libxxhash-dev clang libclang-rt-14-dev
      zlib1g-dev liblzma-dev liblz4-dev gzip xz-utils lz4
      python3-zstandard libarchive-tools rsync squashfs-tools curl)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
