#!/usr/bin/env bash
# Runs the Emacs (eglot) end-to-end test in headless Emacs.
# Usage: tests/editors/emacs/run.sh [EMACS]   (default: emacs on PATH)
# The server command is $COPYDESK_SERVER_CMD, else target/release/copydesk lsp.
set -u
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
export COPYDESK_REPO="$repo"
emacs="${1:-emacs}"
echo "# $("$emacs" --version | head -n 1)"
log="$(mktemp)"
timeout 180 "$emacs" --batch -q -l "$repo/tests/editors/emacs/eglot-test.el" >"$log" 2>&1 </dev/null
rc=$?
cat "$log"
ok=$(grep -c '^ok - ' "$log")
bad=$(grep -c '^not ok - ' "$log")
rm -f "$log"
echo "emacs: $ok passed, $bad failed (exit status $rc)"
[ "$rc" -eq 0 ] && [ "$bad" -eq 0 ] && [ "$ok" -gt 0 ]
