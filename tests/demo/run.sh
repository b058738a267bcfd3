#!/usr/bin/env bash
# What `make demo` shows: runs scripts/demo.sh on a free port and checks through the API that
# the first page has data: a month histogram over the sample's nine months, country,
# organisation and person facets, newest-first date sorting, dated seeds, collapsed copies,
# and saved alerts that fired. Usage: tests/demo/run.sh [path/to/rasd]
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rasd="${1:-$root/build/rasd}"
fail() { echo "demo test: $*" >&2; exit 1; }
[ -x "$rasd" ] || fail "no rasd binary at $rasd; build first"

work="$(mktemp -d)"
demo_pid=""
cleanup() {
  [ -n "$demo_pid" ] && kill "$demo_pid" 2>/dev/null && wait "$demo_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$root/scripts/demo.sh" "$rasd" "$work/state" 0 >"$work/demo.log" 2>&1 &
demo_pid=$!
url=""
for _ in $(seq 1 1200); do  # indexing the sample takes seconds; at most 120 s
  url="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/demo.log" | head -1)"
  [ -n "$url" ] && curl -fsS "$url/healthz" >/dev/null 2>&1 && break
  kill -0 "$demo_pid" 2>/dev/null || { cat "$work/demo.log" >&2; fail "scripts/demo.sh exited"; }
  url=""
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/demo.log" >&2; fail "the demo server did not start within 120 s"; }
grep -q '5 dated from their text' "$work/demo.log" || { cat "$work/demo.log" >&2; fail "the seeds were not dated from their date lines"; }

get() { curl -fsS --get "$url$1" "${@:2}" || fail "GET $1 failed"; }
get /api/search --data-urlencode q=داعش --data-urlencode facets=true --data-urlencode size=20 >"$work/isis.json"
get /api/search --data-urlencode q=داعش --data-urlencode sort=date --data-urlencode size=50 >"$work/sorted.json"
get /api/search --data-urlencode q=سوريا --data-urlencode size=100 >"$work/syria.json"
get /api/documents/003_8e8caa04f1716c70 >"$work/seed.json"
get /api/alerts >"$work/alerts.json"

python3 - "$work" <<'PY' || fail "the demo shows too little (see above)"
import json, pathlib, sys
work = pathlib.Path(sys.argv[1])
load = lambda name: json.loads((work / name).read_text())
problems = []
def check(ok, what):
    if not ok: problems.append(what)

isis = load("isis.json")
months = [b["month"] for b in isis["histogram"] if b["count"] > 0]
check(len(months) >= 9 and "2018-02" in months and "2018-10" in months, f"histogram months with data: {months}")
for facet in ("country", "org", "person", "place", "source"):
    check(len(isis["facets"].get(facet, [])) >= 5, f"facet {facet}: {isis['facets'].get(facet)}")
check(any(f["id"] == "isis" for f in isis["facets"]["org"]), "no isis in the organisation facet")

published = [h["published"] for h in load("sorted.json")["hits"]]
days = [p[:10] for p in published if p]  # sorted by day; within a day by relevance
check(len(days) == len(published) and days == sorted(days, reverse=True), f"date sort: {published[:5]}")
check(published and published[0].startswith("2018-10"), f"newest first: {published[:1]}")

copies = [h["copies"] for h in load("syria.json")["hits"]]
check(sum(1 for c in copies if c > 1) >= 5, f"collapsed hits among 100: {sum(1 for c in copies if c > 1)}")

seed = load("seed.json")
check(seed.get("published") == "2025-07-02", f"seed 003 published: {seed.get('published')}")
check(any(d["value"] == "2025-07-01" and d["text"] == "أمس الثلاثاء" for d in seed.get("dates", [])),
      "seed 003: 'أمس الثلاثاء' did not resolve against its date line")

alerts = load("alerts.json")["alerts"]
check(len(alerts) == 3 and all(a["total_hits"] > 0 for a in alerts),
      f"alerts: {[(a['name'], a['total_hits']) for a in alerts]}")

for p in problems: print("demo test:", p, file=sys.stderr)
print(f"demo test: {len(months)} months, {len(copies)} hits with {sum(c > 1 for c in copies)} collapsed, "
      f"alerts {[a['total_hits'] for a in alerts]}")
sys.exit(1 if problems else 0)
PY
