#!/usr/bin/env bash
# Browser test of a partial answer over a cluster: a 2-shard cluster on loopback
# (scripts/cluster.sh), the seed reports indexed into it, `rasd serve --cluster` on a free port
# and partial_test.mjs in headless Chromium: no partial notice with every shard up; with shard
# 1's search server killed (its process group, kill -9), the notice names shard 1 and the hit
# count is still shown. Exits 0 or 1; stops everything it started on exit.
# Usage: tests/web/partial.sh [path/to/rasd]   (CTest passes the build's binary)
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rasd="${1:-$root/build/rasd}"
script="$root/scripts/cluster.sh"

fail() { echo "partial browser test: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

[ -x /usr/bin/chromium ] || fail "Chromium is not installed at /usr/bin/chromium; run scripts/install-deps.sh (it installs chromium, nodejs and npm)"
command -v node >/dev/null || fail "node is not installed; run scripts/install-deps.sh"
command -v npm >/dev/null || fail "npm is not installed; run scripts/install-deps.sh"
command -v xapian-tcpsrv >/dev/null || fail "xapian-tcpsrv is missing (apt-get install xapian-tools)"
command -v curl >/dev/null || fail "curl is missing"
[ -x "$rasd" ] || fail "no rasd binary at $rasd; build first"

if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci failed in tests/web"
fi

work="$(mktemp -d)"
c="$work/c"  # the cluster's folder
server_pid=""
test_pid=""
cleanup() {
  if [ -n "$test_pid" ]; then kill "$test_pid" 2>/dev/null; wait "$test_pid" 2>/dev/null; fi
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
  "$script" down "$c" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM  # the EXIT trap then stops everything (the long steps run in the
trap 'exit 130' INT   # background, so that wait returns at once on a signal)

# Free ports: cluster.sh --port P with 2 shards uses P, P+1 (search) and P+100, P+101 (write):
# 10 past a block of tests/support/ports.sh, apart from tests/cluster/replica.sh's ports.
. "$root/tests/support/ports.sh"
base="$(pick_port_block 10 0 1 100 101)" || fail "no free block of ports from 10000 to 19999"

"$script" up "$c" --shards 2 --port "$base" >/dev/null 2>"$work/up.err" \
  || fail "scripts/cluster.sh up failed: $(cat "$work/up.err")"
cluster="$c/cluster.json"

timeout 60 "$rasd" index --cluster "$cluster" "$root/fixtures/seeds" >"$work/index.log" 2>&1 \
  || { cat "$work/index.log" >&2; fail "indexing the seeds into the cluster failed"; }

"$rasd" serve --cluster "$cluster" --port 0 --web "$root/web" 2>"$work/serve.log" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://[0-9.]*:[0-9]*' "$work/serve.log" | head -1)"
  [ -n "$url" ] && curl -fsS --max-time 5 "$url/healthz" >/dev/null 2>&1 && break
  url=""
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; fail "rasd serve exited"; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log" >&2; fail "rasd serve did not start"; }

timeout 120 node "$here/partial_test.mjs" "$url" "$c/run/shard-1.pid" &
test_pid=$!
wait "$test_pid"
status=$?
test_pid=""
[ $status -ne 124 ] || echo "partial browser test: partial_test.mjs did not finish within 120 s" >&2
if [ $status -ne 0 ]; then
  echo "--- server log (last 40 lines) ---" >&2
  tail -40 "$work/serve.log" >&2
fi
exit $status
