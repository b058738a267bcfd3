#!/usr/bin/env bash
# Runs every benchmark and evaluation in sequence (`make bench`). Meant for a quiet machine:
# the figures of bench/README.md come from these commands. Output: bench/out/<name>.txt.
#   bench/run-all.sh [BUILD_DIR]   (RASD_CORPORA overrides ../shared/corpora)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
out=$here/out
work=${RASD_BENCH_WORK:-/tmp/rasd-bench}
mkdir -p "$out" "$work"
failed=0

run() {  # run NAME COMMAND...: prints the tail of the output, keeps the whole of it
  local name=$1; shift
  echo "== $name: $*"
  if "$@" >"$out/$name.txt" 2>&1; then tail -n 12 "$out/$name.txt"; else
    echo "!! $name failed (see bench/out/$name.txt)"; tail -n 5 "$out/$name.txt"; failed=$((failed + 1)); fi
}

run conflation "$build/conflation_bench"
run analyzer env RASD_RUNS=3 "$build/analyzer_bench"
run entities env RASD_RUNS=3 "$build/entity_bench"
run ner "$build/ner_eval"
run arcd python3 "$here/arcd_eval.py" --rasd "$build/rasd"
run index env RASD="$build/rasd" RASD_RUNS=3 "$here/index_bench.sh"
run latency python3 "$here/latency.py" --rasd "$build/rasd" --db "$work/ant"
run http env RASD_BENCH_DB="$work/ant" "$here/http_load.sh" "$build/rasd"
run alerts env RASD_BENCH_DIR="$work/alerts" "$here/alerts_bench.sh" "$build"
run ops env RASD_BENCH_DB="$work/ant" "$here/ops_bench.sh" "$build/rasd"
echo "bench: $failed failed"
[ "$failed" -eq 0 ]
