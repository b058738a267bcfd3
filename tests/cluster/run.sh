#!/usr/bin/env bash
# A three-shard rasd cluster on loopback (stock xapian-tcpsrv, started and stopped here) against
# one local index holding the same reports (fixtures/demo, 2,980):
#  1. equality: the analyst queries of tests/cluster/queries.txt, with facets, in relevance and
#     date order, entity and date flags, more-like-this, no collapse, `rasd show` of a report
#     with copies: the same ids, order, totals, facets, histogram, copies and snippets (scores
#     equal up to rounding; a wildcard's within 1 %, see docs/CLUSTER.md);
#  2. a replace and a delete land on the shard that holds the report, and answers stay equal;
#  3. alerts: a run while one shard's search server is dead (an ingest meanwhile warns that copy
#     detection cannot see it), then one after its restart: every
#     new match is delivered exactly once;
#  4. `rasd serve --cluster` under a bounded query loop: a search server killed with -9, answers
#     stay 200, flagged partial naming the shard, within the timeout; whole again after the
#     restart; POST /api/documents routes to the shards;
#  5. a dead write server makes `rasd index` fail naming the shard; a re-run completes.
# Usage: tests/cluster/run.sh RASD
set -euo pipefail
rasd="$(realpath "$1")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
demo="$root/fixtures/demo"
queries="$root/tests/cluster/queries.txt"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -- -"$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "cluster test: FAIL: $*" >&2; exit 1; }
say() { echo "cluster test: $*"; }
command -v xapian-tcpsrv >/dev/null || fail "xapian-tcpsrv is missing (apt-get install xapian-tools)"
command -v curl >/dev/null || fail "curl is missing"

# Ports: three readers (base+i), three writers (base+3+i), one rasd serve picks its own.
base=$((20000 + ($$ % 1500) * 8))  # below the ephemeral ports (32768-)
wait_port() {
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done
  fail "nothing listens on 127.0.0.1:$1"
}
start() {  # start NAME ARGS...: a server in its own session (xapian-tcpsrv signals its group)
  local name="$1"; shift
  setsid xapian-tcpsrv --interface 127.0.0.1 "$@" >>"$work/$name.log" 2>&1 &
  pids+=($!)
  eval "pid_$name=$!"
}
start_reader() { start "r$1" --port $((base + $1)) "$work/shard-$1"; wait_port $((base + $1)); }
start_writer() { start "w$1" --writable --port $((base + 3 + $1)) "$work/shard-$1"; wait_port $((base + 3 + $1)); }
for i in 0 1 2; do
  mkdir -p "$work/shard-$i"
  start_writer $i
  start_reader $i
done
cluster="$work/cluster.json"
cat >"$cluster" <<JSON
{"shards": [
  {"write": "127.0.0.1:$((base + 3))", "search": ["127.0.0.1:$base"]},
  {"write": "127.0.0.1:$((base + 4))", "search": ["127.0.0.1:$((base + 1))"]},
  {"write": "127.0.0.1:$((base + 5))", "search": ["127.0.0.1:$((base + 2))"]}
], "timeout_ms": 2000}
JSON
C=(--cluster "$cluster")
L=(--db "$work/local")
documents() { "$rasd" stats "$@" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])'; }

# Compares two files of JSON lines: equal, except scores within a relative tolerance (1e-9, as
# sums in another order round; 1e-2 on lines of a wildcard query, whose frequency Xapian
# estimates per shard).
cat >"$work/same.py" <<'PY'
import json, math, sys
def same(a, b, tol, path):
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, (int, float)) and isinstance(b, (int, float)) and math.isclose(a, b, rel_tol=tol): return None
        return f"{path}: {a} != {b}"
    if type(a) != type(b): return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        if a.keys() != b.keys(): return f"{path}: keys {sorted(a)} != {sorted(b)}"
        for k in a:
            if (d := same(a[k], b[k], tol, f"{path}.{k}")): return d
        return None
    if isinstance(a, list):
        if len(a) != len(b): return f"{path}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            if (d := same(x, y, tol, f"{path}[{i}]")): return d
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"
la, lb = open(sys.argv[1]).read().splitlines(), open(sys.argv[2]).read().splitlines()
if len(la) != len(lb): sys.exit(f"{len(la)} lines != {len(lb)} lines")
query = ""
for n, (x, y) in enumerate(zip(la, lb), 1):
    if x.startswith("#"):
        if x != y: sys.exit(f"line {n}: {x} != {y}")
        query = x
        continue
    d = same(json.loads(x), json.loads(y), 1e-2 if "*" in query else 1e-9, "")
    if d: sys.exit(f"line {n} ({query}): {d}")
print(len(la))
PY
compare() {  # compare LOCAL CLUSTER WHAT
  local out
  out="$(python3 "$work/same.py" "$1" "$2" 2>&1)" || fail "$3: cluster and local answers differ: $out"
  say "$3: $out answer lines equal on 3 shards and one index"
}

# --- 1. Equality -------------------------------------------------------------------------
"$rasd" index "${C[@]}" "$demo" --quiet >/dev/null
"$rasd" index "${L[@]}" "$demo" --quiet --threads 1 >/dev/null  # ingest order as the cluster's
n="$(documents "${C[@]}")"
[ "$n" = "$(documents "${L[@]}")" ] && [ "$n" -gt 2000 ] || fail "the cluster holds $n documents, the local index $(documents "${L[@]}")"
"$rasd" stats "${C[@]}" --json | python3 -c '
import json, sys
d = json.load(sys.stdin); s = d["shards"]
assert len(s) == 3 and all(x["up"] and not x["replica"] for x in s) and "partial" not in d, d
assert sum(x["documents"] for x in s) == d["documents"], d' || fail "rasd stats does not list the 3 shards and their documents"
for i in 0 1 2; do  # every shard holds a share
  [ "$(documents --db "$work/shard-$i")" -gt $((n / 6)) ] || fail "shard $i holds $(documents --db "$work/shard-$i") of $n documents"
done
search() { "$rasd" search "$@" || [ $? = 1 ]; }  # exit 1: nothing found
answers() {  # answers --db DIR | --cluster FILE
  while IFS= read -r q; do
    [ -n "$q" ] || continue
    echo "# $q"
    search "$@" --json --facets -- "$q"
    echo "# $q (date)"
    search "$@" --json --facets --sort date -- "$q"
  done <"$queries"
  echo "# flags"
  search "$@" --json --facets --country MA
  search "$@" --json --facets --country SY --from 2018-04 --to 2018-06 --org حزب الله
  search "$@" --json --facets --no-collapse الحوثيون
  search "$@" --json --facets --limit 20 --offset 10 الإرهاب
  echo "# like"
  search "$@" --json --like SK-middleEast-2353-20180613
  echo "# show"
  "$rasd" show "$@" --json SK-middleEast-2353-20180613
}
answers "${C[@]}" >"$work/cluster.out"
answers "${L[@]}" >"$work/local.out"
grep -q '"copies":2' "$work/local.out" || fail "no answer lists copies: the comparison would miss them"
compare "$work/local.out" "$work/cluster.out" "equality"

# --- 2. Replace and delete route to the shard that holds the report -------------------------
id=AL-internationalNews-1141-20180513
holder() {  # the shards whose folder holds a report matching $1
  for i in 0 1 2; do
    "$rasd" search --db "$work/shard-$i" --json -- "$1" | grep -q "\"id\":\"$id\"" && echo "$i"
  done
  true
}
printf '{"id":"%s","title":"تقرير مستبدل عن مختبرالاستبدال","body":"نص جديد يذكر مختبرالاستبدال في صنعاء بعد التحديث.","published":"2018-05-13T10:00:00Z","source":"alarabia"}\n' "$id" \
  >"$work/replace.jsonl"
for target in C L; do
  eval "args=(\"\${$target[@]}\")"
  out="$("$rasd" index "${args[@]}" "$work/replace.jsonl" 2>&1)" || fail "replace ($target): $out"
  echo "$out" | grep -q "1 replaced" || fail "replace ($target) did not replace: $out"
done
[ "$(documents "${C[@]}")" = "$n" ] || fail "after a replace the cluster holds $(documents "${C[@]}") documents (was $n)"
shards="$(holder مختبرالاستبدال)"
[ "$(echo "$shards" | grep -c .)" = 1 ] || fail "the replaced report is on shards '$shards'"
total=0; for i in 0 1 2; do total=$((total + $(documents --db "$work/shard-$i"))); done
[ "$total" = "$n" ] || fail "the shards hold $total documents after a replace, the cluster $n"
for target in C L; do
  eval "args=(\"\${$target[@]}\")"
  out="$("$rasd" index "${args[@]}" --delete "$id" 2>&1)" || fail "delete ($target): $out"
  echo "$out" | grep -q "deleted 1" || fail "delete ($target): $out"
done
[ "$(documents "${C[@]}")" = $((n - 1)) ] || fail "after a delete the cluster holds $(documents "${C[@]}") documents"
[ -z "$(holder مختبرالاستبدال)" ] || fail "the deleted report is still on a shard"
"$rasd" show "${C[@]}" "$id" >/dev/null 2>&1 && fail "rasd show finds the deleted report"
for target in C L; do
  eval "args=(\"\${$target[@]}\")"
  for q in الحوثيون صنعاء "التحالف العربي في اليمن"; do search "${args[@]}" --json --facets "$q"; done >"$work/after-$target.out"
done
compare "$work/after-L.out" "$work/after-C.out" "replace and delete (shard $shards)"
n=$((n - 1))

# --- 3. Alerts: a shard down during one run, each new match delivered once ------------------
python3 - "$work" <<'PY'
import json, random, sys
work = sys.argv[1]
words = "الأمن الحدود تعاون اجتماع وزير قوات منطقة مدينة شرطة تحقيق مراقبة سفينة ميناء مطار طائرة قافلة اتفاق لجنة مؤتمر تقرير شهود محكمة قاض سجن حدودي عبور تهريب شحنة مخدرات أسلحة ذخيرة خلية عملية مداهمة اعتقال متهم شبكة تمويل حوالة مصرف رقابة جمارك تفتيش دورية بحرية ساحل جزيرة صحراء قرية بلدة طريق جسر نهر واد جبل".split()
for batch, ids in (("a", range(0, 9)), ("b", range(9, 15))):
    with open(f"{work}/late-{batch}.jsonl", "w") as f:
        for n in ids:
            r = random.Random(n)
            body = " ".join(["مختبرالتنبيه"] + [r.choice(words) for _ in range(60)])
            f.write(json.dumps({"id": f"late-{n}", "title": f"مختبرالتنبيه {n} {r.choice(words)}", "body": body,
                                "published": f"2018-12-{n + 1:02d}T08:00:00Z", "source": "rasd-test"}, ensure_ascii=False) + "\n")
PY
A=(--alerts "$work/alerts.sqlite")
"$rasd" alerts "${A[@]}" "${C[@]}" add --name late --query مختبرالتنبيه --every 1m --jsonl "$work/alerts.jsonl" >/dev/null
"$rasd" index "${C[@]}" "$work/late-a.jsonl" --quiet >/dev/null
on1="$(search --db "$work/shard-1" --json --facets مختبرالتنبيه | tail -1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
[ "$on1" -gt 0 ] || fail "no late report routes to shard 1: the test would not see it come late"
kill -9 -- -"$pid_r1"; wait "$pid_r1" 2>/dev/null || true  # the server and its connections, as a dead host
out="$("$rasd" alerts "${A[@]}" "${C[@]}" run --all 2>&1 || true)"
"$rasd" stats "${C[@]}" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d.get("partial") is True and d["failed_shards"] and "shard 1" in d["failed_shards"][0], d
assert [x["up"] for x in d["shards"]] == [True, False, True], d' || fail "rasd stats does not say that shard 1 is out"
# Its write server is up: the reports go in, and the ingest says that copy detection cannot
# see shard 1.
warned="$("$rasd" index "${C[@]}" "$work/late-b.jsonl" --quiet 2>&1 >/dev/null)" || fail "indexing with shard 1's search server dead failed: $warned"
echo "$warned" | grep -q "warning: shard 1 .*does not answer searches" || fail "no warning that copy detection cannot see shard 1: $warned"
first="$(grep -c . "$work/alerts.jsonl" 2>/dev/null || echo 0)"
[ "$first" -lt 9 ] || fail "the run with shard 1 out delivered $first notifications (shard 1 holds $on1 of 9)"
start_reader 1
"$rasd" alerts "${A[@]}" "${C[@]}" run --all >/dev/null 2>&1 || true
"$rasd" alerts "${A[@]}" "${C[@]}" run --all >/dev/null 2>&1 || true  # nothing new
python3 - "$work/alerts.jsonl" <<'PY' || fail "alerts: not every late report delivered exactly once"
import collections, json, sys
ids = collections.Counter(json.loads(l)["doc_id"] for l in open(sys.argv[1]) if l.strip())
want = {f"late-{n}" for n in range(15)}
twice = [i for i, c in ids.items() if c > 1]
missing, extra = want - set(ids), set(ids) - want
if twice or missing or extra: sys.exit(f"twice {twice}, missing {sorted(missing)}, unexpected {sorted(extra)}")
PY
say "alerts: a run with shard 1 out delivered $first, the runs after its return the rest: 15 reports, each once"
n=$((n + 15))

# --- 4. rasd serve over the cluster: a search server killed under load ----------------------
printf 'cluster-test-write-token\n' >"$work/token"
"$rasd" serve "${C[@]}" --port 0 --write-token-file "$work/token" --quiet 2>"$work/serve.log" &
serve_pid=$!
pids+=("$serve_pid")
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1 || true)"
  [ -n "$url" ] && curl -fsS "$url/healthz" >/dev/null 2>&1 && break
  url=""; sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log" >&2; fail "rasd serve --cluster did not start"; }
# 60 searches at most, for 30 s at most: shard 2's search server dies after the 10th answer and
# comes back after the 30th.
cat >"$work/load.py" <<'PY'
import json, sys, time, urllib.parse, urllib.request, subprocess
url, kill_cmd, start_cmd = sys.argv[1], sys.argv[2], sys.argv[3]
q = urllib.parse.quote("الحوثيون")
rows, t_end = [], time.monotonic() + 30
for i in range(60):
    if time.monotonic() > t_end: break
    if i == 10: subprocess.run(kill_cmd, shell=True, check=True)
    if i == 30:
        subprocess.run(start_cmd, shell=True, check=True)
        time.sleep(1.2)  # the searcher tries a shard that is out again at most once a second
    t = time.monotonic()
    try:
        with urllib.request.urlopen(f"{url}/api/search?q={q}&facets=true", timeout=10) as r:
            status, body = r.status, json.load(r)
    except urllib.error.HTTPError as e:
        status, body = e.code, {}
    rows.append({"i": i, "status": status, "ms": (time.monotonic() - t) * 1000,
                 "partial": body.get("partial", False), "failed": body.get("failed_shards", []), "total": body.get("total")})
print(json.dumps(rows))
PY
echo "kill -9 -- -$pid_r2" >"$work/kill.sh"  # with its open connections, as a dead host
cat >"$work/restart.sh" <<SH
setsid xapian-tcpsrv --interface 127.0.0.1 --port $((base + 2)) "$work/shard-2" >>"$work/r2.log" 2>&1 </dev/null &
echo \$! >"$work/r2.pid"
for _ in \$(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$((base + 2))") 2>/dev/null && exit 0; sleep 0.05; done
exit 1
SH
python3 "$work/load.py" "$url" "bash $work/kill.sh" "bash $work/restart.sh" >"$work/load.json" || fail "the query loop failed"
pids+=("$(cat "$work/r2.pid")")
python3 - "$work/load.json" <<'PY' || fail "serve under a dead shard: see above"
import json, sys
rows = json.load(open(sys.argv[1]))
bad = [r for r in rows if r["status"] != 200]
if len(rows) < 40 or bad: sys.exit(f"{len(rows)} answers, not 200: {bad[:3]}")
before, during, after = rows[:10], rows[10:30], rows[30:]
if any(r["partial"] for r in before + after): sys.exit(f"partial answers with every shard up: {[r['i'] for r in before + after if r['partial']]}")
if not all(r["partial"] and any("shard 2" in f for f in r["failed"]) for r in during):
    sys.exit(f"answers with shard 2 dead not flagged partial naming it: {[r for r in during if not r['partial']][:2]}")
slow = max(r["ms"] for r in during)
if slow > 3000: sys.exit(f"a partial answer took {slow:.0f} ms (timeout 2000)")
if len({r["total"] for r in before + after}) != 1 or during[0]["total"] >= before[0]["total"]:
    sys.exit(f"totals: before {before[0]['total']}, during {during[0]['total']}, after {after[-1]['total']}")
print(f"cluster test: serve: {len(rows)} answers, all 200; {len(during)} partial naming shard 2 "
      f"(slowest {slow:.0f} ms, median {sorted(r['ms'] for r in during)[len(during) // 2]:.0f} ms); whole again after the restart")
PY
# A silent search server (stopped, as a hung host: it accepts connections and never answers):
# the first answer waits out the timeout, the next ones leave the shard out at once, and once it
# answers again (the background probe tries once a second) the answers are whole.
cat >"$work/silent.py" <<'PY'
import json, os, signal, sys, time, urllib.parse, urllib.request
url, pgid = sys.argv[1], int(sys.argv[2])
q = urllib.parse.quote("الحوثيون")
def ask():
    t = time.monotonic()
    with urllib.request.urlopen(f"{url}/api/search?q={q}&facets=true", timeout=15) as r:
        body = json.load(r)
    return (time.monotonic() - t) * 1000, body.get("partial", False), body.get("failed_shards", [])
os.killpg(pgid, signal.SIGSTOP)
try:
    rows = [ask() for _ in range(12)]
finally:
    os.killpg(pgid, signal.SIGCONT)
if not all(p and any("shard 0" in f for f in fs) for _, p, fs in rows): sys.exit(f"not all partial naming shard 0: {rows}")
if rows[0][0] > 3000: sys.exit(f"the first answer took {rows[0][0]:.0f} ms (timeout 2000)")
if max(ms for ms, _, _ in rows[1:]) > 1000: sys.exit(f"later answers waited on the silent shard again: {[round(r[0]) for r in rows]}")
deadline = time.monotonic() + 10
while True:
    ms, p, _ = ask()
    if not p: break
    if time.monotonic() > deadline: sys.exit("still partial 10 s after the shard answers again")
    time.sleep(0.2)
print(f"cluster test: serve: shard 0's search server silent: first answer {rows[0][0]:.0f} ms, then "
      f"{max(r[0] for r in rows[1:]):.0f} ms at most, all partial naming it; whole again once it answers")
PY
python3 "$work/silent.py" "$url" "$pid_r0" || fail "serve with a silent shard: see above"
code="$(printf '{"id":"posted-1","title":"مختبرالنشر عبر الواجهة","body":"تقرير يصل عبر الواجهة إلى مختبرالنشر في العنقود."}\n' |
  curl -sS -o "$work/post.out" -w '%{http_code}' -H "Authorization: Bearer cluster-test-write-token" \
    -H 'Content-Type: application/x-ndjson' --data-binary @- "$url/api/documents")"
[ "$code" = 200 ] || fail "POST /api/documents over the cluster: $code $(cat "$work/post.out")"
curl -fsS "$url/api/search?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("مختبرالنشر"))')" | grep -q '"id":"posted-1"' \
  || fail "the posted report is not found through the server"
[ "$(documents "${C[@]}")" = $((n + 1)) ] || fail "after the POST the cluster holds $(documents "${C[@]}") documents"
say "serve: POST /api/documents routed to a shard and found at once"
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
n=$((n + 1))

# --- 5. A dead write server: the ingest fails naming the shard; a re-run completes ----------
kill -9 -- -"$pid_w1"; wait "$pid_w1" 2>/dev/null || true
if err="$("$rasd" index "${C[@]}" "$root/fixtures/seeds" --quiet 2>&1)"; then fail "indexing with a dead shard succeeded"; fi
echo "$err" | grep -q "shard 1" || fail "the error does not name shard 1: $err"
[ "$(documents "${C[@]}")" = "$n" ] || fail "the failed ingest changed what was stored"
start_writer 1
"$rasd" index "${C[@]}" "$root/fixtures/seeds" --quiet >/dev/null
seeds=$(ls "$root/fixtures/seeds" | wc -l)
[ "$(documents "${C[@]}")" = $((n + seeds)) ] || fail "after the re-run the cluster holds $(documents "${C[@]}") documents, not $((n + seeds))"
"$rasd" index "${C[@]}" "$root/fixtures/seeds" --quiet >/dev/null
[ "$(documents "${C[@]}")" = $((n + seeds)) ] || fail "a second run doubled documents"
say "a dead write server is named; the re-run completes with $seeds more documents, no duplicates"
say "passed"
