#!/usr/bin/env bash
# Load test of `rasd serve` with wrk over the full ANT index: requests/s, p50 and p99 latency
# at 1, 8 and 32 connections, /api/search with facets on (bench/http_load.lua varies the query,
# filters and page), medians of RUNS runs, with /healthz at the same connections as the baseline.
# Goal: p99 <= 20 ms at 8 connections, 0 errors.
#
# Usage: bench/http_load.sh [RASD_BINARY]
#   RASD_BENCH_DB=DIR     an existing ANT index (else built once into bench/out/ant-index)
#   RASD_CORPORA=DIR      corpora folder (default ../shared/corpora)
#   RUNS=3 DURATION=10s CONNECTIONS="1 8 32" SEARCHERS=4 THREADS=64
#   SERVE_ARGS="--max-facet-docs 2000"   extra `rasd serve` options
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
rasd="${1:-$root/build/rasd}"
corpora="${RASD_CORPORA:-$root/../shared/corpora}"
db="${RASD_BENCH_DB:-$root/bench/out/ant-index}"
runs="${RUNS:-3}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-1 8 32}"

command -v wrk >/dev/null || { echo "http_load: wrk is not installed (scripts/install-deps.sh)" >&2; exit 2; }
[ -x "$rasd" ] || { echo "http_load: no rasd binary at $rasd" >&2; exit 2; }
if [ ! -d "$db" ]; then
  echo "http_load: indexing $corpora/ant-multisource/docs into $db" >&2
  "$rasd" index --db "$db" "$corpora/ant-multisource/docs" >&2
fi

log="$(mktemp)"
"$rasd" serve --db "$db" --port 0 --quiet --searchers "${SEARCHERS:-4}" --threads "${THREADS:-64}" ${SERVE_ARGS:-} 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$log"' EXIT
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://[0-9.]*:[0-9]*' "$log" | head -1 || true)"
  [ -n "$url" ] && curl -fsS "$url/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$log" >&2; exit 3; }
echo "server $url over $db ($(curl -fsS "$url/healthz"))"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
field() { grep -o "$1=[0-9.]*" | cut -d= -f2; }

# Warm the caches once so the first measured run is not a cold-disk outlier.
wrk -t1 -c1 -d3s -s "$root/bench/http_load.lua" "$url" >/dev/null

cpu_ms() { awk '{print ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"'}' "/proc/$server/stat"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
printf '%-8s %-6s %10s %10s %10s %8s %12s\n' endpoint conns "req/s" "p50 ms" "p99 ms" errors "cpu ms/req"
for c in $connections; do
  threads=$(( c < 2 ? 1 : 2 ))
  for script in http_health http_load; do
    results=""
    cpu_before=$(cpu_ms)
    for _ in $(seq 1 "$runs"); do
      results+="$(wrk -t"$threads" -c"$c" -d"$duration" -s "$root/bench/$script.lua" "$url" | grep RESULT)"$'\n'
    done
    cpu=$(awk -v a="$cpu_before" -v b="$(cpu_ms)" -v n="$(echo "$results" | field requests | awk '{s += $1} END {print s}')" \
          'BEGIN {printf "%.2f", (b - a) / n}')
    name=$([ "$script" = http_load ] && echo search || echo healthz)
    printf '%-8s %-6s %10s %10s %10s %8s %12s\n' "$name" "$c" \
      "$(echo "$results" | field rps | median)" "$(echo "$results" | field p50_ms | median)" \
      "$(echo "$results" | field p99_ms | median)" "$(echo "$results" | field errors | sort -n | tail -1)" "$cpu"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
