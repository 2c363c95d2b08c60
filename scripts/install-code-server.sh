#!/usr/bin/env bash
# Installs code-server (VS Code 1.100 server + web workbench) for the real-editor tests, using only the
# npm registry and Debian apt. Plain `npm install code-server` fails on these machines (postinstall
# needs --unsafe-perm as root; @vscode/ripgrep downloads rg from GitHub), so: install with
# --ignore-scripts and do postinstall.sh's work by hand with Debian's rg and locally built addons.
#
# Usage: scripts/install-code-server.sh [DEST]
#   DEST defaults to $MLSD_CODE_SERVER_DIR, else $HOME/.cache/mlsd-code-server-4.100.3.
#   Prints the code-server binary path on the last line. Skips the install when DEST already has it.
set -euo pipefail
VER=${CODE_SERVER_VERSION:-4.100.3}          # pinned: 4.100.x = VS Code 1.100, runs on Node 20
DEST=${1:-${MLSD_CODE_SERVER_DIR:-$HOME/.cache/mlsd-code-server-$VER}}
BIN="$DEST/node_modules/.bin/code-server"
VS="$DEST/node_modules/code-server/lib/vscode"
STAMP="$DEST/.mlsd-install-complete"

if [ -x "$BIN" ] && [ -f "$STAMP" ]; then
  echo "code-server $VER already installed in $DEST" >&2
  echo "$BIN"; exit 0
fi

export DEBIAN_FRONTEND=noninteractive npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
t0=$(date +%s)
need_apt=()
command -v rg >/dev/null || need_apt+=(ripgrep)
[ -e /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
command -v make >/dev/null || need_apt+=(make)
command -v g++ >/dev/null || need_apt+=(g++)
command -v python3 >/dev/null || need_apt+=(python3)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

mkdir -p "$DEST"
cd "$DEST"
[ -f package.json ] || echo '{ "private": true }' > package.json
npm install --ignore-scripts --no-audit --loglevel=error "code-server@$VER" >&2
npm rebuild --loglevel=error argon2 >&2          # code-server's own native dependency

cd "$VS"
npm install --omit=dev --ignore-scripts --no-audit --loglevel=error >&2
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg       # instead of the GitHub download
npm rebuild --loglevel=error @vscode/spdlog @vscode/deviceid @vscode/windows-process-tree \
  @vscode/windows-registry kerberos native-watchdog node-pty >&2
ln -sfn node_modules node_modules.asar
ln -sf code-linux.sh bin/remote-cli/code-server
ln -sf browser-linux.sh bin/helpers/browser.sh
(cd extensions && npm install --omit=dev --no-audit --loglevel=error >&2)   # built-in extensions' deps

for f in node_modules/@vscode/spdlog/build/Release/spdlog.node node_modules/node-pty/build/Release/pty.node \
         node_modules/@vscode/ripgrep/bin/rg "$DEST/node_modules/argon2/lib/binding/napi-v3/argon2.node"; do
  [ -e "$f" ] || { echo "install-code-server: missing $f" >&2; exit 1; }
done
"$BIN" --version >&2
date -u +%FT%TZ > "$STAMP"
echo "code-server $VER installed in $DEST in $(( $(date +%s) - t0 ))s ($(du -sh "$DEST" | cut -f1))" >&2
echo "$BIN"
