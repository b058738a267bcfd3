#!/usr/bin/env bash
# Browser tests of the search page: builds a temporary index from the fixtures, starts
# `rasd serve` on a free port, runs browser_test.mjs in headless Chromium, exits 0 or 1.
# Usage: tests/web/run.sh [path/to/rasd]   (CTest passes the build's binary)
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rasd="${1:-$root/build/rasd}"

fail() { echo "browser tests: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

[ -x /usr/bin/chromium ] || fail "Chromium is not installed at /usr/bin/chromium; run scripts/install-deps.sh (it installs chromium, nodejs and npm)"
command -v node >/dev/null || fail "node is not installed; run scripts/install-deps.sh"
command -v npm >/dev/null || fail "npm is not installed; run scripts/install-deps.sh"
[ -x "$rasd" ] || fail "no rasd binary at $rasd; build first"

if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci failed in tests/web"
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$rasd" index --db "$work/db" "$root/fixtures/seeds" "$root/fixtures/web/xss.jsonl" \
  "$root/fixtures/web/copies.jsonl" >"$work/index.log" 2>&1 \
  || { cat "$work/index.log" >&2; fail "indexing the fixtures failed"; }

"$rasd" serve --db "$work/db" --port 0 --web "$root/web" 2>"$work/serve.log" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://[0-9.]*:[0-9]*' "$work/serve.log" | head -1)"
  [ -n "$url" ] && curl -fsS "$url/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; fail "rasd serve exited"; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log" >&2; fail "rasd serve did not start"; }

node "$here/browser_test.mjs" "$url"
status=$?
if [ $status -ne 0 ]; then
  echo "--- server log (last 40 lines) ---" >&2
  tail -40 "$work/serve.log" >&2
fi
exit $status
