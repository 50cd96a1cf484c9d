#!/usr/bin/env bash
# Installs what the tests need outside npm, idempotently: Debian's Chromium for the browser tests.
# (The VS Code runtime for the extension tests is installed by scripts/setup-vscode.sh.)
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "Chromium is missing and this user cannot install it. Run as root: apt-get install -y chromium" >&2
    exit 1
  fi
else
  SUDO=
fi
echo "Installing Debian's chromium (about 280 MB, 30 to 60 s)..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version
