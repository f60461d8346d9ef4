#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine with Node 20: the Debian packages listed in
# scripts/apt-packages.txt (real BGP daemons, an RTR cache, Chromium, TextFSM) and the npm packages from the lock file.
# Idempotent: what is already there is not installed again.
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t wanted < <(grep -v '^\s*#' scripts/apt-packages.txt | awk 'NF {print $1}')
missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then SUDO=(); elif command -v sudo >/dev/null; then SUDO=(sudo); else SUDO=(); fi
  if [ "$(id -u)" = 0 ] || command -v sudo >/dev/null; then
    echo "setup: installing Debian packages: ${missing[*]}"
    "${SUDO[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: not root and no sudo; tests that need ${missing[*]} will say so and skip"
  fi
fi

# @vscode/test-web depends on a Playwright browser package whose install script would download a browser:
# we use Debian's Chromium instead, and this machine cannot download browsers anyway.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
