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

if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/@redocly/cli" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci failed in tests/web"
fi

work="$(mktemp -d)"
server_pid=""
guarded_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$guarded_pid" ] && kill "$guarded_pid" 2>/dev/null && wait "$guarded_pid" 2>/dev/null
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

# A second server that needs tokens (read and write) and keeps alerts: the page's token dialog.
umask 077
head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$work/read.token"
head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$work/write.token"
"$rasd" serve --db "$work/db" --port 0 --web "$root/web" --alerts "$work/alerts.sqlite" \
  --read-token-file "$work/read.token" --write-token-file "$work/write.token" 2>"$work/guarded.log" &
guarded_pid=$!
guarded=""
for _ in $(seq 1 100); do
  guarded="$(grep -o 'http://[0-9.]*:[0-9]*' "$work/guarded.log" | head -1)"
  [ -n "$guarded" ] && curl -fsS "$guarded/healthz" >/dev/null 2>&1 && break
  kill -0 "$guarded_pid" 2>/dev/null || { cat "$work/guarded.log" >&2; fail "the guarded rasd serve exited"; }
  sleep 0.1
done
[ -n "$guarded" ] || { cat "$work/guarded.log" >&2; fail "the guarded rasd serve did not start"; }

RASD_TEST_READ_TOKEN="$(cat "$work/read.token")" RASD_TEST_WRITE_TOKEN="$(cat "$work/write.token")" \
  node "$here/browser_test.mjs" "$url" "$guarded"
status=$?
if [ $status -ne 0 ]; then
  echo "--- server log (last 40 lines) ---" >&2
  tail -40 "$work/serve.log" >&2
  echo "--- guarded server log (last 40 lines) ---" >&2
  tail -40 "$work/guarded.log" >&2
fi

# The OpenAPI document lints clean with Redocly CLI (installed with the browser tests' packages).
if [ $status -eq 0 ]; then
  curl -fsS "$url/api/openapi.json" >"$work/openapi.json" || fail "cannot fetch the OpenAPI document"
  if (cd "$here" && REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
        npx --no-install redocly lint --format=stylish "$work/openapi.json" >"$work/lint.log" 2>&1); then
    echo "ok   the OpenAPI document lints clean (redocly lint: 0 errors)"
  else
    cat "$work/lint.log" >&2
    echo "FAIL the OpenAPI document does not lint clean"
    status=1
  fi
fi
exit $status
