#!/usr/bin/env bash
# Indexing throughput on the ANT corpus (31,525 articles, straight from the gzipped TREC files):
# rasd with full analysis and entities (light stemmer) beside the Snowball-only configuration
# as the reference, runs alternated, medians of RASD_RUNS (default 3).
# Reports docs/s, MB/s (uncompressed input), wall and CPU seconds, peak memory (/usr/bin/time -v)
# and index size (compacted, and the raw text for the 2x goal).
#
#   bench/index_bench.sh            # uses build/rasd and ../shared/corpora
#   RASD=build-x/rasd RASD_CORPORA=/data/corpora RASD_RUNS=5 bench/index_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RASD=${RASD:-build/rasd}
CORPORA=${RASD_CORPORA:-../shared/corpora}
ANT=$CORPORA/ant-multisource/docs
RUNS=${RASD_RUNS:-3}
EXTRA=${RASD_INDEX_FLAGS:---compact}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rasd-index-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

[ -x "$RASD" ] || { echo "build rasd first ($RASD)" >&2; exit 2; }
RAW=$(zcat "$ANT"/*.trec.gz | wc -c)
echo "corpus: $ANT ($(ls "$ANT"/*.trec.gz | wc -l) files, $RAW bytes uncompressed); runs: $RUNS; flags: $EXTRA"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

run_one() {  # stemmer run -> one TSV line
  local stemmer=$1 n=$2 db="$WORK/db-$1-$2"
  rm -rf "$db"
  /usr/bin/time -v -o "$WORK/time.txt" "$RASD" index --quiet --json $EXTRA --stemmer "$stemmer" --db "$db" "$ANT" \
    > "$WORK/summary.json"
  python3 - "$stemmer" "$WORK/summary.json" "$WORK/time.txt" "$db" <<'PY'
import json, os, re, sys
stemmer, summary, timing, db = sys.argv[1:]
s = json.load(open(summary))
t = open(timing).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
user = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1))
sys_ = float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(db) for f in fs)
print("\t".join(map(str, [stemmer, s["documents"], s["indexed"], s["skipped_total"], round(s["seconds"], 2),
      round(s["docs_per_second"]), round(s["mb_per_second"], 2), round(user + sys_, 1), rss // 1024, size])))
PY
  rm -rf "$db"
}

: > "$WORK/runs.tsv"
for n in $(seq "$RUNS"); do
  for stemmer in light snowball; do
    line=$(run_one "$stemmer" "$n")
    echo "run $n: $line"
    echo "$line" >> "$WORK/runs.tsv"
  done
done

python3 - "$WORK/runs.tsv" "$RAW" <<'PY'
import statistics, sys
rows = [l.split("\t") for l in open(sys.argv[1]) if l.strip()]
raw = int(sys.argv[2])
print()
print("| configuration | docs | wall s | docs/s | MB/s | CPU s | peak RSS MiB | index MiB | index / raw |")
print("|---|---|---|---|---|---|---|---|---|")
for stemmer in ("light", "snowball"):
    r = [x for x in rows if x[0] == stemmer]
    med = lambda i: statistics.median(float(x[i]) for x in r)
    name = "rasd light + entities + dates" if stemmer == "light" else "rasd snowball (reference)"
    print(f"| {name} | {r[0][1]} | {med(4):.1f} | {med(5):,.0f} | {med(6):.1f} | {med(7):.1f} | {med(8):.0f} | "
          f"{med(9) / 2**20:.0f} | {med(9) / raw:.2f}x |")
print(f"\nmedians of {len(rows) // 2} runs each; raw text {raw / 2**20:.0f} MiB; goal: >= 5,500 docs/s, index <= 2x raw")
PY
