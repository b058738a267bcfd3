#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 60) on one core, starting from its committed seeds
# (fuzz/corpus/<target>/, never modified: new inputs go to a work folder). A crash, a hang (an
# input over 10 s), a leak or a sanitizer report fails the target; its input lands in
# ARTIFACTS/<target>/ to become a regression test. Prints "N passed, M failed".
# Usage: fuzz/run.sh BUILD_FUZZ_DIR [SECONDS] [TARGET...]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:?usage: fuzz/run.sh BUILD_FUZZ_DIR [SECONDS] [TARGET...]}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : 1 ))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_query fuzz_html fuzz_jsonl fuzz_trec fuzz_text fuzz_dates fuzz_http)
work="${FUZZ_WORK:-$bin/work}"
passed=0 failed=0
for t in "${targets[@]}"; do
  [ -x "$bin/$t" ] || { echo "fuzz: no $bin/$t (make fuzz builds it)" >&2; failed=$((failed + 1)); continue; }
  mkdir -p "$work/$t" "$bin/artifacts/$t"
  dict=()
  [ -f "$here/$t.dict" ] && dict=(-dict="$here/$t.dict")
  log="$bin/artifacts/$t/last.log"
  echo "fuzz: $t for ${seconds}s"
  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
     "$bin/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
       -artifact_prefix="$bin/artifacts/$t/" "${dict[@]}" "$work/$t" "$here/corpus/$t" >"$log" 2>&1; then
    passed=$((passed + 1))
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|cov: " "$log" | tail -3 | sed "s/^/  /"
  else
    failed=$((failed + 1))
    echo "fuzz: $t FAILED; its input and log are in $bin/artifacts/$t/" >&2
    grep -E "ERROR|SUMMARY|runtime error|Test unit written" "$log" | head -8 >&2
  fi
done
echo "fuzz: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
