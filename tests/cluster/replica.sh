#!/usr/bin/env bash
# A replica takes over for its dead primary: scripts/cluster.sh up --shards 2 --replicas 1 on
# loopback (each shard's copy kept by xapian-replicate and served read-only, listed after the
# shard's own search server). The seed reports indexed into the cluster reach the replicas; the
# replicas alone answer as one local index does; with shard 1's search server killed (with its
# connections, as when its host dies), the answers of `rasd search` and of a running `rasd serve`
# are whole (not partial, the same as before) and served by its replica; once the server is
# restarted, whole answers from it again (`rasd serve` goes back to it within about a second).
# `cluster.sh down` leaves no process behind.
set -euo pipefail
rasd="$(realpath "$1")"
script="$(realpath scripts/cluster.sh)"
seeds="$(realpath fixtures/seeds)"
nseeds="$(find "$seeds" -maxdepth 1 -type f | wc -l)"
work="$(mktemp -d)"
c="$work/c"  # the cluster's folder
serve_pid=""
cleanup() {
  [ -z "$serve_pid" ] || kill "$serve_pid" 2>/dev/null || true
  "$script" down "$c" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "replica test: FAIL: $*" >&2; exit 1; }
for tool in xapian-tcpsrv xapian-replicate-server xapian-replicate; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install xapian-tools)"
done

# Free ports: cluster.sh --port P uses P+i, P+100+i, P+200 and P+300+i (tests/support/ports.sh).
. "$(dirname "$0")/../support/ports.sh"
base="$(pick_port_block 0 0 1 100 101 200 300 301)" || fail "no free block of ports from 10000 to 19999"

live_pids() {  # processes (not exited) whose command line names the cluster's folder
  local p state
  for p in $(pgrep -f "$c" || true); do
    state="$(ps -o stat= -p "$p" 2>/dev/null)" || continue
    [[ "$state" == Z* ]] || echo "$p"
  done | sort -n
}
pid_files() { cat "$c"/run/*.pid 2>/dev/null | cut -d' ' -f1 | sort -n || true; }

"$script" up "$c" --shards 2 --replicas 1 --port "$base" >/dev/null 2>"$work/up.err" \
  || fail "cluster.sh up failed: $(cat "$work/up.err")"
[ "$(pid_files | wc -l)" = 9 ] || fail "cluster.sh up did not start 9 processes: $(ls "$c/run")"
python3 - "$c/cluster.json" "$base" <<'PY' || fail "cluster.json does not list each shard's replica after its server: $(cat "$c/cluster.json")"
import json, sys
spec, base = json.load(open(sys.argv[1])), int(sys.argv[2])
assert [s["search"] for s in spec["shards"]] == [
    ["127.0.0.1:%d" % (base + i), "127.0.0.1:%d" % (base + 300 + i)] for i in (0, 1)], spec
assert [s["write"] for s in spec["shards"]] == ["127.0.0.1:%d" % (base + 100 + i) for i in (0, 1)], spec
PY
# Nothing else than the servers in the pid files (the first copies' xapian-replicate have exited).
for _ in $(seq 1 50); do [ "$(live_pids)" = "$(pid_files)" ] && break; sleep 0.1; done
[ "$(live_pids)" = "$(pid_files)" ] || fail "processes besides the servers after up: $(live_pids | xargs -r ps -o pid=,args= -p)"
"$script" status "$c" >/dev/null || fail "a server is down after up: $("$script" status "$c" 2>&1)"

"$rasd" index --cluster "$c/cluster.json" "$seeds" --quiet >/dev/null || fail "rasd index --cluster failed"
"$rasd" index --db "$work/local" "$seeds" --quiet >/dev/null || fail "rasd index --db failed"

# The replicas alone (same write servers, only the replicas' search servers).
python3 - "$c/cluster.json" "$work/replicas.json" <<'PY'
import json, sys
spec = json.load(open(sys.argv[1]))
for s in spec["shards"]:
    s["search"] = s["search"][1:]
json.dump(spec, open(sys.argv[2], "w"))
PY
# What the shards hold (documents, terms, sequence, last commit), without the servers' addresses.
stats() {
  "$rasd" stats --cluster "$1" --json 2>/dev/null |
    python3 -c 'import json,sys; d=json.load(sys.stdin); d.pop("shards",None); print(json.dumps(d, sort_keys=True, separators=(",", ":")))' 2>/dev/null || true
}
want="$(stats "$c/cluster.json")"
echo "$want" | grep -q "\"documents\":$nseeds," || fail "the cluster does not hold the seeds: $want"
start0=$(date +%s)
for _ in $(seq 1 40); do [ "$(stats "$work/replicas.json")" = "$want" ] && break; sleep 0.5; done
[ "$(stats "$work/replicas.json")" = "$want" ] || fail "after 20 s the replicas do not hold what the shards do: $(stats "$work/replicas.json") (shards: $want)"
echo "replica test: the replicas hold the $nseeds seed reports within $(($(date +%s) - start0)) s"

answers() {  # answers --db DIR | --cluster FILE
  for q in المغرب الإرهاب "تعاون أمني" الاستخبارات; do
    "$rasd" search "$@" "$q" --json --facets
    "$rasd" search "$@" "$q" --json --facets --sort date
  done
  "$rasd" search "$@" --country MA --json --facets
}
whole() {  # whole NAME FILE: FILE's answers are the local index's and no summary line says partial
  cmp -s "$2" "$work/local.out" || { diff "$work/local.out" "$2" | head -5 >&2; fail "$1: the answers differ from the local index's"; }
  python3 - "$2" <<'PY' || fail "$1: an answer is partial"
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    assert d.get("partial") is not True and not d.get("failed_shards"), d
PY
}
connections() { grep -c "^Connection from" "$c/log/$1.log" || true; }  # as the server logs them

answers --db "$work/local" >"$work/local.out"
[ "$(wc -l <"$work/local.out")" -gt 20 ] || fail "the local answers are too few to compare"
answers --cluster "$c/cluster.json" >"$work/cluster.out"
whole "the cluster" "$work/cluster.out"
answers --cluster "$work/replicas.json" >"$work/replicas.out"
whole "the replicas alone" "$work/replicas.out"
echo "replica test: $(wc -l <"$work/local.out") answer lines identical from the shards, from the replicas and from one index"

# A running `rasd serve` over the cluster (one searcher: one connection per shard).
"$rasd" serve --cluster "$c/cluster.json" --port 0 --searchers 1 --quiet 2>"$work/serve.log" &
serve_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1 || true)"
  [ -n "$url" ] && curl -fsS "$url/api/search?q=x" >/dev/null 2>&1 && break  # (/healthz: a local index only)
  kill -0 "$serve_pid" 2>/dev/null || fail "rasd serve exited: $(cat "$work/serve.log")"
  url=""
  sleep 0.1
done
[ -n "$url" ] || fail "rasd serve did not start: $(cat "$work/serve.log")"
api() { curl -fsS --get "$url/api/search" --data-urlencode q=المغرب --data-urlencode facets=1; }
api >"$work/api.out" || fail "the search API does not answer"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["hits"] and "partial" not in d, d' "$work/api.out" \
  || fail "the search API's answer has no hits or is partial with every server up"
api_same() {  # api_same WHEN: the API answers as before the kill, not partial
  api >"$work/api-now.out" || fail "$1: the search API does not answer: $(tail -3 "$work/serve.log")"
  cmp -s "$work/api-now.out" "$work/api.out" || fail "$1: the search API's answer differs: $(head -c 300 "$work/api-now.out")"
}

# Shard 1's search server killed with its connections (its process group): its replica answers.
read -r primary port1 <"$c/run/shard-1.pid"
kill -9 -- "-$primary"
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port1") 2>/dev/null || break; sleep 0.1; done
[ -z "$(pgrep -f -- "--port $port1 $c/shard-1" || true)" ] || fail "shard 1's search server still runs"
before="$(connections replica-1-0)"
start0=$(date +%s%N)
answers --cluster "$c/cluster.json" >"$work/dead.out"
ms=$(( ($(date +%s%N) - start0) / 1000000 ))
whole "with shard 1's search server dead" "$work/dead.out"
after="$(connections replica-1-0)"
[ "$after" -gt "$before" ] || fail "shard 1's replica was not asked with its primary dead"
echo "replica test: shard 1's search server killed: whole answers from its replica ($((after - before)) connections, $ms ms for $(wc -l <"$work/dead.out") lines)"
before="$after"
api_same "rasd serve with shard 1's search server dead"
[ "$(connections replica-1-0)" -gt "$before" ] || fail "rasd serve did not turn to shard 1's replica"
echo "replica test: rasd serve turned to shard 1's replica: its answer is whole"

# Restarted (its pid in the cluster's pid file, so that cluster.sh down stops it): its answers again.
setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port1" "$c/shard-1" >>"$c/log/shard-1.log" 2>&1 </dev/null &
echo "$! $port1" >"$c/run/shard-1.pid"
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port1") 2>/dev/null && break; sleep 0.05; done
"$script" status "$c" >/dev/null || fail "a server is down after the restart: $("$script" status "$c" 2>&1)"
primary_before="$(connections shard-1)"
for _ in $(seq 1 25); do  # rasd serve tries the first server again at most once a second
  api_same "rasd serve after the restart"
  [ "$(connections shard-1)" -gt "$primary_before" ] && break
  sleep 0.2
done
[ "$(connections shard-1)" -gt "$primary_before" ] || fail "rasd serve did not go back to shard 1's restarted search server within 5 s"
echo "replica test: rasd serve went back to shard 1's restarted search server: its answer is whole"
kill "$serve_pid"
wait "$serve_pid" 2>/dev/null || true
serve_pid=""
before="$(connections replica-1-0)" primary_before="$(connections shard-1)"
answers --cluster "$c/cluster.json" >"$work/again.out"
whole "after the restart" "$work/again.out"
[ "$(connections shard-1)" -gt "$primary_before" ] || fail "the restarted search server of shard 1 was not asked"
[ "$(connections replica-1-0)" = "$before" ] || fail "shard 1's replica was still asked with its primary back"
echo "replica test: shard 1's search server restarted: whole answers from it again"

# Down: every process of the cluster ends.
"$script" down "$c"
[ -z "$(ls "$c/run")" ] || fail "pid files left after down: $(ls "$c/run")"
for _ in $(seq 1 50); do [ -z "$(live_pids)" ] && break; sleep 0.1; done
[ -z "$(live_pids)" ] || fail "processes left after down: $(live_pids | xargs -r ps -o pid=,args= -p)"
echo "replica test: cluster.sh down leaves no process behind"
echo "replica test: passed"
