#!/usr/bin/env bash
# Operations on the full ANT index (31,525 articles): `rasd backup` (time, size, how long writers
# waited, with and without Xapian's check of the copy), `rasd restore`, and `rasd reindex`
# (docs/s). Medians of RUNS runs.
#   bench/ops_bench.sh build/rasd   (RASD_BENCH_DB=DIR reuses or builds the index there;
#                                    RUNS=3; RASD_CORPORA overrides ../shared/corpora)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rasd=${1:?usage: ops_bench.sh RASD_BINARY}
runs=${RUNS:-3}
corpora=${RASD_CORPORA:-$here/../../shared/corpora}
[ -d "$corpora/ant-multisource/docs" ] || corpora=$here/../../../shared/corpora
db=${RASD_BENCH_DB:-/tmp/rasd-bench/ant}
work=$(mktemp -d "${TMPDIR:-/tmp}/rasd-ops-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [ ! -d "$db" ]; then
  mkdir -p "$(dirname "$db")"
  echo "ops_bench: building the ANT index at $db"
  "$rasd" index --quiet --compact --db "$db" "$corpora/ant-multisource/docs" >/dev/null
fi
docs=$("$rasd" stats --db "$db" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')
echo "ops_bench: $db holds $docs documents ($(du -sm "$db" | cut -f1) MiB); $runs runs each"

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
seconds() { local s; s=$(date +%s%N); "$@" >/dev/null; awk -v a="$s" -v b="$(date +%s%N)" 'BEGIN {printf "%.2f\n", (b - a) / 1e9}'; }

: >"$work/backup.s"; : >"$work/nocheck.s"; : >"$work/pause.s"; : >"$work/restore.s"
for i in $(seq 1 "$runs"); do
  seconds "$rasd" backup --db "$db" "$work/b$i" >>"$work/backup.s"
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["index"]["writer_pause_seconds"])' \
    "$work/b$i/backup.json" >>"$work/pause.s"
  seconds "$rasd" backup --no-check --db "$db" "$work/n$i" >>"$work/nocheck.s"
  rm -rf "$work/n$i"
  seconds "$rasd" restore "$work/b$i" --db "$work/r$i" >>"$work/restore.s"
  rm -rf "$work/r$i"
  [ "$i" -lt "$runs" ] && rm -rf "$work/b$i"
done
size=$(du -sm "$work/b$runs" | cut -f1)
echo "backup (with Xapian's check):    median $(median <"$work/backup.s") s, $size MiB"
echo "backup --no-check:               median $(median <"$work/nocheck.s") s"
echo "writers paused (file copy):      median $(median <"$work/pause.s") s"
echo "restore (check, copy, exchange): median $(median <"$work/restore.s") s"

: >"$work/reindex.s"
for i in $(seq 1 "$runs"); do
  rm -rf "$work/copy"
  cp -r "$db" "$work/copy"
  seconds "$rasd" reindex --quiet --db "$work/copy" >>"$work/reindex.s"
done
t=$(median <"$work/reindex.s")
echo "reindex:                         median $t s, $(awk -v d="$docs" -v t="$t" 'BEGIN {printf "%.0f", d / t}') docs/s"
