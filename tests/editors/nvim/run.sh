#!/usr/bin/env bash
# Runs the Neovim end-to-end tests in real headless Neovim.
# Usage: tests/editors/nvim/run.sh [NVIM...]   (default: nvim on PATH)
# The server command is $COPYDESK_SERVER_CMD, else target/release/copydesk lsp.
set -u
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
export COPYDESK_REPO="$repo"
nvims=("$@")
[ ${#nvims[@]} -eq 0 ] && nvims=(nvim)
passed=0
failed=0
for nvim in "${nvims[@]}"; do
  version="$("$nvim" --version | head -n 1)"
  for test in "$repo"/tests/editors/nvim/*_test.lua; do
    name="$(basename "$test" .lua)"
    echo "# $version: $name"
    log="$(mktemp)"
    timeout 120 "$nvim" --headless --clean -c "luafile $test" >"$log" 2>&1 </dev/null
    rc=$?
    cat "$log"
    ok=$(grep -c '^ok - ' "$log")
    bad=$(grep -c '^not ok - ' "$log")
    passed=$((passed + ok))
    failed=$((failed + bad))
    if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
      echo "not ok - $name exited with status $rc"
      failed=$((failed + 1))
    fi
    rm -f "$log"
  done
done
echo "nvim: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
