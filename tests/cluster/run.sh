#!/usr/bin/env bash
# A two-shard rasd cluster on loopback (stock xapian-tcpsrv, started and stopped here): the seed
# reports indexed into it and into one local index give the same JSON answers (hits, order,
# scores, totals, facets, histogram, date order); a dead search server leaves an answer flagged
# partial that names it, within the cluster's timeout; once restarted, whole answers again; a
# dead write server makes `rasd index` fail naming the shard, and a re-run after its restart
# completes without duplicates.
set -euo pipefail
rasd="$(realpath "$1")"
seeds="$(realpath fixtures/seeds)"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "cluster test: FAIL: $*" >&2; exit 1; }
command -v xapian-tcpsrv >/dev/null || fail "xapian-tcpsrv is missing (apt-get install xapian-tools)"

# Free ports: two writers and two readers in one block picked from the pid.
base=$((20000 + ($$ % 2000) * 10))
wait_port() {
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done
  fail "nothing listens on 127.0.0.1:$1"
}
start() {  # start NAME ARGS...: a server in its own session (xapian-tcpsrv signals its group)
  local name="$1"; shift
  setsid xapian-tcpsrv --interface 127.0.0.1 "$@" >"$work/$name.log" 2>&1 &
  pids+=($!)
  eval "pid_$name=$!"
}
for i in 0 1; do
  mkdir -p "$work/shard-$i"
  start "w$i" --writable --port $((base + 2 + i)) "$work/shard-$i"
  wait_port $((base + 2 + i))
  start "r$i" --port $((base + i)) "$work/shard-$i"
  wait_port $((base + i))
done
cat >"$work/cluster.json" <<JSON
{"shards": [
  {"write": "127.0.0.1:$((base + 2))", "search": ["127.0.0.1:$base"]},
  {"write": "127.0.0.1:$((base + 3))", "search": ["127.0.0.1:$((base + 1))"]}
], "timeout_ms": 2000}
JSON

"$rasd" index --cluster "$work/cluster.json" "$seeds" --quiet >/dev/null
"$rasd" index --db "$work/local" "$seeds" --quiet >/dev/null
n="$("$rasd" stats --cluster "$work/cluster.json" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')"
[ "$n" = "$(ls "$seeds" | wc -l)" ] || fail "the cluster holds $n documents"

answers() {  # answers --db DIR | --cluster FILE
  for q in المغرب الإرهاب "تعاون أمني" الاستخبارات; do
    "$rasd" search "$@" "$q" --json --facets
    "$rasd" search "$@" "$q" --json --facets --sort date
  done
  "$rasd" search "$@" --country MA --json --facets
}
answers --cluster "$work/cluster.json" >"$work/cluster.out"
answers --db "$work/local" >"$work/local.out"
[ "$(wc -l <"$work/local.out")" -gt 20 ] || fail "the local answers are too few to compare"
cmp -s "$work/cluster.out" "$work/local.out" || { diff "$work/local.out" "$work/cluster.out" | head -5 >&2; fail "cluster and local answers differ"; }
echo "cluster test: $(wc -l <"$work/local.out") answer lines identical on 2 shards and one index"

# A dead search server: answered, flagged partial, naming it, within the timeout.
kill -9 "$pid_r1"
start0=$(date +%s%N)
out="$("$rasd" search --cluster "$work/cluster.json" المغرب --json --facets | tail -1)"
ms=$(( ($(date +%s%N) - start0) / 1000000 ))
echo "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d.get("partial") is True, d; assert any("shard 1" in s for s in d["failed_shards"]), d' \
  || fail "no partial answer naming shard 1 with its search server dead"
[ "$ms" -lt 3000 ] || fail "the partial answer took $ms ms (timeout 2000)"
echo "cluster test: shard 1's search server killed: partial answer naming it in $ms ms"
start r1 --port $((base + 1)) "$work/shard-1"
wait_port $((base + 1))
answers --cluster "$work/cluster.json" >"$work/again.out"
cmp -s "$work/again.out" "$work/local.out" || fail "after the restart the answers are not whole again"

# A dead write server: the ingest fails naming the shard; after a restart a re-run completes.
kill -9 "$pid_w1"
if err="$("$rasd" index --cluster "$work/cluster.json" "$seeds" --quiet 2>&1)"; then fail "indexing with a dead shard succeeded"; fi
echo "$err" | grep -q "shard 1" || fail "the error does not name shard 1: $err"
start w1 --writable --port $((base + 3)) "$work/shard-1"
wait_port $((base + 3))
"$rasd" index --cluster "$work/cluster.json" "$seeds" --quiet >/dev/null
n="$("$rasd" stats --cluster "$work/cluster.json" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')"
[ "$n" = "$(ls "$seeds" | wc -l)" ] || fail "after the re-run the cluster holds $n documents"
echo "cluster test: a dead write server is named; the re-run completes with $n documents, no duplicates"
echo "cluster test: passed"
