#!/usr/bin/env bash
# `rasd serve` as a service: --config and --check-config (flags win, bad lines named by file and
# line, secrets refused), the JSON log (a line per request and per event), SIGHUP (token files
# and log format reloaded, a broken config keeps the running settings), SIGTERM (a request in
# progress is answered, a running webhook delivery finishes and is recorded, then exit 0).
# Servers listen on 127.0.0.1 only and are stopped by the test. Usage: tests/serve/run.sh RASD
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rasd="${1:-$root/build/rasd}"
fail() { echo "serve test: $*" >&2; exit 1; }
[ -x "$rasd" ] || fail "no rasd binary at $rasd"
command -v curl >/dev/null || fail "curl is not installed"
command -v python3 >/dev/null || fail "python3 is not installed"

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
"$rasd" index --db "$work/db" "$root/fixtures/seeds" >/dev/null 2>&1 || fail "indexing the seeds failed"

# Starts `rasd serve ARGS...` in the background with stderr in $work/$name.log; sets $url, $pid.
start() {
  local name=$1; shift
  "$rasd" serve "$@" 2>"$work/$name.log" &
  pid=$!
  pids+=("$pid")
  url=""
  for _ in $(seq 1 100); do
    url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/$name.log" | head -1)"
    [ -n "$url" ] && curl -fsS "$url/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$work/$name.log" >&2; fail "$name: rasd serve exited"; }
    url=""
    sleep 0.1
  done
  fail "$name: rasd serve did not start"
}
# Waits (at most $2 seconds) for process $1 to end; sets $status to its exit status.
wait_exit() {
  local p=$1 limit=$2
  status=timeout
  for _ in $(seq 1 $((limit * 10))); do
    if ! kill -0 "$p" 2>/dev/null; then
      wait "$p"
      status=$?
      return
    fi
    sleep 0.1
  done
}

# --- 1. --config / --check-config -----------------------------------------------------------
conf="$work/rasd.conf"
printf 'token-file = %s\n' "$work/token" >/dev/null
cat >"$conf" <<CONF
# a comment
host = 127.0.0.1
port = 8181
db = $work/db
log-format = json
CONF
out="$("$rasd" serve --config "$conf" --check-config 2>&1)" || fail "check-config of a valid file: $out"
echo "$out" | grep -q "at http://127.0.0.1:8181/" || fail "check-config: $out"
out="$("$rasd" serve --config "$conf" --port 9191 --check-config 2>&1)"
echo "$out" | grep -q "at http://127.0.0.1:9191/" || fail "a flag does not override the config: $out"
check_refused() {  # LINE EXPECTED: a config with LINE appended is refused naming line 6 and EXPECTED
  cp "$conf" "$work/bad.conf"
  printf '%s\n' "$1" >>"$work/bad.conf"
  local out code
  out="$("$rasd" serve --config "$work/bad.conf" --check-config 2>&1)"; code=$?
  [ $code -eq 2 ] || fail "'$1': exit $code, expected 2 ($out)"
  echo "$out" | grep -q "bad.conf:6: .*$2" || fail "'$1': message '$out' lacks 'bad.conf:6: ... $2'"
}
check_refused 'prot = 80' "unknown setting 'prot'"
check_refused 'token = s3cret' 'secrets are not read from the config file'
check_refused 'threads = 0' 'threads = 0'
check_refused 'port = 8282' "set twice"
check_refused 'no equals sign' "expected 'key = value'"
check_refused 'config = other.conf' 'belongs on the command line'
out="$(RASD_INGEST_TOKEN=x "$rasd" serve --config "$conf" --token-file "$work/t" --check-config 2>&1)"
echo "$out" | grep -q 'both token-file and RASD_INGEST_TOKEN' || fail "token-file and the environment: $out"
out="$("$rasd" serve --port 0 --check-config 2>&1)"
echo "$out" | grep -q "no index" || fail "no db: $out"
echo "serve test: config checks passed"

# --- 2. JSON log, request ids, SIGHUP ---------------------------------------------------------
printf 'first-token-0123456789\n' >"$work/token"
chmod 644 "$work/token"  # readable by every user: named in a JSON warning, not a raw stderr line
cat >"$work/live.conf" <<CONF
db = $work/db
port = 0
token-file = $work/token
log-format = json
CONF
start live --config "$work/live.conf"
curl -fsS -H 'X-Request-Id: probe-42' --get "$url/api/search" --data-urlencode q=المغرب -D "$work/headers" -o /dev/null \
  || fail "search failed"
grep -qi '^X-Request-Id: probe-42' "$work/headers" || fail "the request id is not echoed"
post() {  # TOKEN -> HTTP status of an ingest
  curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $1" -H 'Content-Type: application/x-ndjson' \
    --data-binary '{"id":"hup-1","title":"خبر","body":"نص عن المغرب"}' "$url/api/documents"
}
[ "$(post first-token-0123456789)" = 200 ] || fail "ingest with the token: $(post first-token-0123456789)"
printf 'second-token-0123456789\n' >"$work/token"
kill -HUP "$pid"
for _ in $(seq 1 50); do grep -q '"event":"reloaded"' "$work/live.log" && break; sleep 0.1; done
grep -q '"event":"reloaded"' "$work/live.log" || fail "no reloaded event after SIGHUP"
[ "$(post first-token-0123456789)" = 401 ] || fail "the old token still works after the reload"
[ "$(post second-token-0123456789)" = 200 ] || fail "the new token does not work after the reload"
echo 'log-format = text' >>"$work/live.conf"  # set twice: the reload must fail, the server go on
kill -HUP "$pid"
for _ in $(seq 1 50); do grep -q '"event":"reload_failed"' "$work/live.log" && break; sleep 0.1; done
grep -q '"event":"reload_failed"' "$work/live.log" || fail "a broken config did not give reload_failed"
curl -fsS "$url/healthz" >/dev/null || fail "the server stopped answering after a failed reload"
python3 - "$work/live.log" <<'PY' || fail "the JSON log is not one object per line with the request fields"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
events = {l["event"] for l in lines}
assert {"serving", "request", "reloaded", "reload_failed", "token_file_readable"} <= events, events
req = [l for l in lines if l["event"] == "request" and l.get("request_id") == "probe-42"]
assert req, "no request line with id probe-42"
r = req[0]
for k in ("time", "request_id", "method", "route", "status", "duration_ms", "client"):
    assert k in r, k
assert r["method"] == "GET" and r["route"] == "get_search" and r["status"] == 200 and r["client"] == "127.0.0.1", r
ids = [l["request_id"] for l in lines if l["event"] == "request"]
assert len(ids) == len(set(ids)), "request ids repeat"
PY
kill -TERM "$pid"
wait_exit "$pid" 15; [ "$status" = 0 ] || fail "SIGTERM: the server did not exit 0"
echo "serve test: JSON log and SIGHUP passed"

# --- 3. SIGTERM answers the request in progress -----------------------------------------------
start slow --db "$work/db" --port 0 --token-file "$work/token" --log-format json
python3 -c '
import json
for i in range(40):
    print(json.dumps({"id": "slow-%d" % i, "title": "خبر بطيء %d" % i, "body": "نص عن المغرب " * 40}, ensure_ascii=False))
' >"$work/slow.jsonl"
curl -s -o "$work/slow.out" -w '%{http_code}' --limit-rate 8k -H 'Authorization: Bearer second-token-0123456789' \
  -H 'Content-Type: application/x-ndjson' --data-binary "@$work/slow.jsonl" "$url/api/documents" >"$work/slow.code" &
curl_pid=$!
sleep 1
kill -0 "$curl_pid" 2>/dev/null || fail "the slow upload ended before SIGTERM (make it slower)"
kill -TERM "$pid"
wait "$curl_pid"
[ "$(cat "$work/slow.code")" = 200 ] || fail "the request in progress got $(cat "$work/slow.code") after SIGTERM"
wait_exit "$pid" 15; [ "$status" = 0 ] || fail "SIGTERM with a request in progress: no clean exit"
grep -q '"event":"stopped"' "$work/slow.log" || fail "no stopped event"
curl -fsS "$url/healthz" >/dev/null 2>&1 && fail "the server still answers after SIGTERM"
"$rasd" show --db "$work/db" slow-39 >/dev/null || fail "the documents of the request in progress were not committed"
echo "serve test: SIGTERM with a request in progress passed"

# --- 4. SIGTERM lets a running webhook delivery finish ------------------------------------------
cat >"$work/hook.py" <<'PY'
import http.server, sys, time
port_file, delay, started, received = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        open(started, "w").close()
        time.sleep(delay)
        with open(received, "ab") as f:
            f.write(body + b"\n")
        self.send_response(200)
        self.end_headers()
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Hook)
open(port_file, "w").write(str(server.server_port))
server.serve_forever()
PY
python3 "$work/hook.py" "$work/hook.port" 3 "$work/hook.started" "$work/hook.received" &
pids+=($!)
for _ in $(seq 1 50); do [ -s "$work/hook.port" ] && break; sleep 0.1; done
hook="127.0.0.1:$(cat "$work/hook.port")"
alerts="$work/alerts.sqlite"
"$rasd" alerts --db "$work/db" --alerts "$alerts" --webhook-allow "$hook" add --name morocco --query المغرب \
  --every 1m --webhook "http://$hook/rasd" >/dev/null || fail "alerts add failed"
printf '{"id":"late-1","title":"خبر جديد عن المغرب","body":"وصل خبر جديد عن المغرب بعد حفظ التنبيه."}\n' >"$work/late.jsonl"
"$rasd" index --db "$work/db" "$work/late.jsonl" >/dev/null 2>&1 || fail "indexing the late report failed"
start hooked --db "$work/db" --port 0 --alerts "$alerts" --webhook-allow "$hook" --log-format json
for _ in $(seq 1 100); do [ -e "$work/hook.started" ] && break; sleep 0.1; done
[ -e "$work/hook.started" ] || { cat "$work/hooked.log" >&2; fail "the alert's webhook was never called"; }
kill -TERM "$pid"
wait_exit "$pid" 15; [ "$status" = 0 ] || fail "SIGTERM during a delivery: no clean exit"
grep -q 'late-1' "$work/hook.received" || fail "the delivery in progress did not finish"
"$rasd" alerts --alerts "$alerts" list >"$work/list.txt" || fail "alerts list failed"
grep -q 'new    1' "$work/list.txt" || { cat "$work/list.txt" >&2; fail "the finished delivery was not recorded"; }
again="$("$rasd" alerts --db "$work/db" --alerts "$alerts" --webhook-allow "$hook" run --all 2>&1)"
echo "$again" | grep -q '0 new' || fail "the delivered report came again: $again"
echo "serve test: SIGTERM with a webhook delivery in progress passed"
echo "serve test: passed"
