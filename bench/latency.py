#!/usr/bin/env python3
"""Query latency of rasd in process (`rasd search --batch`) on the full ANT index.

usage: bench/latency.py [--rasd build/rasd] [--db DIR] [--runs 3]

Builds the index from ../shared/corpora/ant-multisource/docs when --db does not exist yet (or
reuses it), then runs, after one warm-up pass each:
  analyst+facets  bench/latency_queries.txt (entity filters, phrases, dates, NEAR, OR, wildcard)
                  with --facets (exact counts for 5 facets + month histogram) -- the goal row
  analyst         the same queries without facets
  peer-44         ../shared/peers/queries-ant.txt (the 44 plain queries the peers ran), no facets
Each run is one process running the file twice (`--repeat 2`, as a server's Searcher would see
repeated work) and is timed on the second pass; the first pass of a fresh process is shown too.
Times are the Searcher::search() time of each query as the batch reports it (took_us wall time,
cpu_us the thread's CPU time, steadier on a loaded machine), so process start and JSON printing
are excluded. Prints, per configuration, the median over --runs runs of
each run's median and p99 (nearest rank) in microseconds.
"""
import argparse, json, os, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CORPORA = os.environ.get("RASD_CORPORA", os.path.join(REPO, "..", "shared", "corpora"))


def percentile(values, p):
    v = sorted(values)
    k = max(0, min(len(v) - 1, int(round(p / 100 * len(v) + 0.5)) - 1))
    return v[k]


def batch(rasd, db, queries, facets, repeat=2):
    """Rows of the last of `repeat` passes in one process (earlier passes warm the caches)."""
    cmd = [rasd, "search", "--db", db, "--batch", queries, "--json", "--limit", "10", "--repeat", str(repeat)]
    cmd += ["--facets"] if facets else []
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rows = [json.loads(l) for l in out.splitlines() if l.strip()]
    errors = [r for r in rows if "error" in r]
    if errors:
        sys.exit(f"query errors: {errors[:3]}")
    return [r for r in rows if r.get("pass", repeat) == repeat]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rasd", default=os.environ.get("RASD", os.path.join(REPO, "build", "rasd")))
    ap.add_argument("--db", default=os.environ.get("RASD_ANT_DB", "/tmp/rasd-bench-ant"))
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    if not os.path.exists(a.db):
        t0 = time.perf_counter()
        subprocess.run([a.rasd, "index", "--db", a.db, "--quiet", os.path.join(CORPORA, "ant-multisource", "docs")], check=True)
        print(f"indexed ANT into {a.db} in {time.perf_counter() - t0:.0f} s")
    configs = [("analyst+facets", os.path.join(HERE, "latency_queries.txt"), True),
               ("analyst", os.path.join(HERE, "latency_queries.txt"), False),
               ("peer-44", os.path.join(REPO, "..", "shared", "peers", "queries-ant.txt"), False)]
    print(f"rasd = {a.rasd}, index = {a.db}, {a.runs} runs of a second pass in one process")
    print("| queries | n | median us | p99 us | max us | CPU median us | CPU p99 us | mean total |")
    print("|---|---|---|---|---|---|---|---|")
    for name, path, facets in configs:
        cold = batch(a.rasd, a.db, path, facets, repeat=1)  # a fresh process: cold caches
        cold_took = [r["took_us"] for r in cold]
        medians, p99s, maxes, cpu_medians, cpu_p99s = [], [], [], [], []
        for _ in range(a.runs):
            rows = batch(a.rasd, a.db, path, facets)
            took = [r["took_us"] for r in rows]
            medians.append(statistics.median(took))
            p99s.append(percentile(took, 99))
            maxes.append(max(took))
            cpu = [r.get("cpu_us", 0) for r in rows]  # 0: a rasd without cpu_us
            cpu_medians.append(statistics.median(cpu))
            cpu_p99s.append(percentile(cpu, 99))
        totals = statistics.mean(r["total"] for r in rows)
        print(f"| {name} (first pass, cold process) | {len(cold)} | {statistics.median(cold_took):.0f} | "
              f"{percentile(cold_took, 99):.0f} | {max(cold_took):.0f} | | | |")
        print(f"| {name} | {len(rows)} | {statistics.median(medians):.0f} | {statistics.median(p99s):.0f} | "
              f"{statistics.median(maxes):.0f} | {statistics.median(cpu_medians):.0f} | {statistics.median(cpu_p99s):.0f} | "
              f"{totals:.0f} |")
        sys.stdout.flush()
    print("Goal (analyst+facets): median <= 550 us (Lucene 4.10, no facets), p99 <= 10,000 us.")


if __name__ == "__main__":
    main()
