#!/usr/bin/env bash
# Alerts at scale: 1,000 saved alerts over a batch of 1,000 new ANT articles added to the ANT
# index (30,525 articles). Prints the wall time of `rasd alerts run --all` (medians of 3), and of
# a baseline that searches the whole index per alert, measured in the same run.
#
#   bench/alerts_bench.sh [BUILD_DIR]     (default build; RASD_CORPORA overrides ../shared/corpora,
#                                          RASD_BENCH_DIR the work folder, RUNS the repetitions)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
rasd=$build/rasd
bench=$build/alerts_bench
[ -x "$bench" ] || bench=$build/bench/alerts_bench
corpora=${RASD_CORPORA:-$here/../../shared/corpora}
work=${RASD_BENCH_DIR:-/tmp/rasd-alerts-bench}
runs=${RUNS:-3}
mkdir -p "$work"

if [ ! -f "$work/base.jsonl" ] || [ ! -f "$work/new.jsonl" ]; then
  python3 "$here/alerts_split_ant.py" "$corpora/ant-multisource/docs" "$work" 1000
fi
# A work folder indexed by another analyzer (an older build) is built again.
if [ -d "$work/index" ]; then
  probe=$("$rasd" search --db "$work/index" --limit 1 x 2>&1 || true)
  case "$probe" in *re-index*) rm -f "$work/alerts.pristine" ;; esac
fi
if [ ! -f "$work/alerts.pristine" ]; then
  rm -rf "$work/index" "$work/alerts.pristine"*
  echo "indexing the base (30,525 articles)..." >&2
  /usr/bin/time -f "index base: %e s" "$rasd" index --db "$work/index" "$work/base.jsonl" >/dev/null
  "$bench" create --db "$work/index" --alerts "$work/alerts.pristine" --queries "$here/../../shared/peers/queries-ant.txt" --count 1000
  /usr/bin/time -f "index new batch: %e s" "$rasd" index --db "$work/index" "$work/new.jsonl" >/dev/null
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN {printf "%.3f\n", e - s}'; }

runner_times=() naive_times=()
for i in $(seq "$runs"); do
  cp "$work/alerts.pristine" "$work/alerts.sqlite"
  rm -f "$work/alerts.sqlite-wal" "$work/alerts.sqlite-shm"
  runner_times+=("$(wall "$rasd" alerts --db "$work/index" --alerts "$work/alerts.sqlite" run --all)")
  naive_times+=("$(wall "$bench" naive --db "$work/index" --alerts "$work/alerts.pristine")")
done
cp "$work/alerts.pristine" "$work/alerts.sqlite"
"$bench" run --db "$work/index" --alerts "$work/alerts.sqlite"
echo "rasd alerts run --all, 1,000 alerts x 1,000 new docs: runs ${runner_times[*]} s; median $(printf '%s\n' "${runner_times[@]}" | median) s (goal <= 1 s)"
echo "baseline, whole index per alert:                      runs ${naive_times[*]} s; median $(printf '%s\n' "${naive_times[@]}" | median) s"
