#!/usr/bin/env python3
"""A cluster of loopback shards (docs/CLUSTER.md) against one local index: ingest, query latency, bytes on the wire, facet cost.

usage: bench/cluster_bench.py [--rasd build/rasd] [--runs 3] [--port 17400] [--work DIR]
                              [--files F1,F2,...] [--only ingest,latency,wire,facets] [--facets-db DIR]

The rasd binary is copied to WORK first and the copy is used throughout (build/ may be rebuilt
meanwhile). Shards are started with scripts/cluster.sh (writable xapian-tcpsrv on PORT+100+i,
read-only on PORT+i, 127.0.0.1 only, each in its own session) and stopped by this script, also
on an error or a signal.

1. ingest: `rasd index --quiet --json` of FILES (default five ANT files, 10,577 articles) into a
   new local index (`--threads 1` and default threads) and into new clusters of 1, 2 and 4
   shards (default threads); configurations interleaved, --runs rounds. Wall time of the rasd process; CPU =
   user+sys of the ingesting rasd (wait4 rusage) + the CPU of every shard server and of the
   children it forks per connection. xapian-tcpsrv reaps its children without adding their
   times to its own cutime/cstime (they stay 0 in /proc/PID/stat), so the servers are counted
   by `perf stat -e task-clock -p PIDS` attached to all of them after `cluster.sh up` and before
   the ingest: a task-bound counter is inherited by the children forked later and their counts
   are folded back when they exit. perf is stopped (SIGINT) once no server has a child left.
2. latency: the peers' 44 queries (../shared/peers/queries-ant.txt), `rasd search --batch --json
   --limit 10 --repeat 2` (took_us of the second pass), with and without --facets, on a local
   index and a 3-shard cluster of the same FILES; local and cluster runs interleaved.
3. wire: the same batch with facets over the 3 shards through byte-counting TCP proxies (one per
   search server, a second cluster file pointing at them; used for counting only): bytes both
   ways / queries for one pass (connection set-up included) and the extra bytes of a second pass;
   the same without --facets for comparison.
4. facets: on the local index (or --facets-db DIR), the batch (and bench/latency_queries.txt) with and without
   --facets, interleaved runs, ratio of the medians.
Prints medians over runs of each run's median and p99 (nearest rank; with 44 queries the p99 is
the slowest one); ratios are against the baseline measured in the same round. WORK keeps the
last local index and 3-shard folders (about 350 MB) until the next run.
"""
import argparse, atexit, json, os, shutil, signal, socket, statistics, subprocess, sys, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
CORPORA = os.environ.get("RASD_CORPORA", os.path.join(REPO, "..", "shared", "corpora"))
ANT = os.path.join(CORPORA, "ant-multisource", "docs")
PEERS = os.path.join(REPO, "..", "shared", "peers", "queries-ant.txt")
ANALYST = os.path.join(HERE, "latency_queries.txt")
CLUSTER_SH = os.path.join(REPO, "scripts", "cluster.sh")
DEFAULT_FILES = ["SkyNews_middleEast", "France24_internationalNews", "CNN_middleEast",
                 "BBC_internationalNews", "BBC_middleEast"]  # 3,972 + 2,613 + 1,640 + 1,220 + 1,132

CLUSTERS_UP = []   # folders with servers running, stopped at exit
PERFS = []         # perf processes still running
ERRORS = []        # (command, error) seen from rasd


def log(*a):
    print(*a, flush=True)


def percentile(values, p):
    v = sorted(values)
    k = max(0, min(len(v) - 1, int(round(p / 100 * len(v) + 0.5)) - 1))
    return v[k]


def med(xs):
    return statistics.median(xs) if xs else float("nan")


# ---------------------------------------------------------------- servers

def cluster_up(d, shards, port):
    if os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(d)
    CLUSTERS_UP.append(d)
    subprocess.run([CLUSTER_SH, "up", d, "--shards", str(shards), "--port", str(port)], check=True,
                   stdout=subprocess.DEVNULL, timeout=60)
    return os.path.join(d, "cluster.json")


def cluster_down(d):
    if d in CLUSTERS_UP:
        subprocess.run([CLUSTER_SH, "down", d], timeout=120)
        CLUSTERS_UP.remove(d)


def server_pids(d):
    """{"write": [pids of the writable servers], "search": [pids of the read-only ones]}"""
    pids = {"write": [], "search": []}
    run = os.path.join(d, "run")
    for f in sorted(os.listdir(run)):
        if f.endswith(".pid"):
            pids["write" if f.endswith("-write.pid") else "search"].append(int(open(os.path.join(run, f)).read().split()[0]))
    return pids


def children(pid):
    out = []
    try:
        for t in os.listdir(f"/proc/{pid}/task"):
            out += open(f"/proc/{pid}/task/{t}/children").read().split()
    except OSError:
        pass
    return out


def perf_start(pids, out):
    p = subprocess.Popen(["perf", "stat", "-x,", "-e", "task-clock", "-p", ",".join(map(str, pids)), "-o", out],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    PERFS.append(p)
    deadline = time.time() + 10
    while time.time() < deadline:  # attached when it holds one perf_event fd per server
        try:
            fds = [os.readlink(f"/proc/{p.pid}/fd/{f}") for f in os.listdir(f"/proc/{p.pid}/fd")]
        except OSError:
            fds = []
        if sum("perf_event" in f for f in fds) >= len(pids):
            return p
        if p.poll() is not None:
            break
        time.sleep(0.02)
    sys.exit(f"perf stat did not attach to {pids} (perf_event_paranoid? see {out})")


def perf_stop(p, out, pids):
    deadline = time.time() + 15  # let each connection's child finish and exit (its count folds back)
    while time.time() < deadline and any(children(x) for x in pids):
        time.sleep(0.05)
    p.send_signal(signal.SIGINT)
    p.wait(timeout=30)
    PERFS.remove(p)
    for line in open(out):
        f = line.strip().split(",")
        if len(f) > 2 and f[2].startswith("task-clock"):
            return float(f[0]) / 1000.0
    sys.exit(f"no task-clock in {out}: {open(out).read()}")


def cleanup(*_):
    for p in list(PERFS):
        try:
            p.kill()
        except OSError:
            pass
    for d in list(CLUSTERS_UP):
        try:
            cluster_down(d)
        except Exception as e:  # keep stopping the others
            print(f"cluster.sh down {d}: {e}", file=sys.stderr)


def on_signal(sig, _):
    cleanup()
    sys.exit(128 + sig)


# ---------------------------------------------------------------- rasd

def run_rusage(cmd, timeout):
    """stdout, stderr, returncode, wall s, user+sys s of the process (wait4), killed after timeout s."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    timer = threading.Timer(timeout, p.kill)
    timer.start()
    out, err = [], []
    te = threading.Thread(target=lambda: err.append(p.stderr.read()))
    te.start()
    out.append(p.stdout.read())
    te.join()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    timer.cancel()
    p.returncode = os.waitstatus_to_exitcode(status)
    return out[0].decode(), err[0].decode(), p.returncode, wall, ru.ru_utime + ru.ru_stime


def index(rasd, target, files, threads=None, timeout=600):
    cmd = [rasd, "index", "--quiet", "--json"] + target + (["--threads", str(threads)] if threads else []) + files
    out, err, rc, wall, cpu = run_rusage(cmd, timeout)
    if rc != 0:
        ERRORS.append((" ".join(cmd), f"exit {rc}: {err.strip()[-2000:]}"))
        sys.exit(f"rasd index failed: {' '.join(cmd)}\nexit {rc}: {err.strip()[-2000:]}")
    summary = json.loads(out.strip().splitlines()[-1])
    return summary, wall, cpu


def batch(rasd, target, queries, facets, repeat=2, timeout=600):
    cmd = [rasd, "search"] + target + ["--batch", queries, "--json", "--limit", "10", "--repeat", str(repeat)]
    cmd += ["--facets"] if facets else []
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if p.returncode != 0:
        ERRORS.append((" ".join(cmd), f"exit {p.returncode}: {p.stderr.strip()[-2000:]}"))
        sys.exit(f"rasd search failed: {' '.join(cmd)}\nexit {p.returncode}: {p.stderr.strip()[-2000:]}")
    rows = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    bad = [r for r in rows if "error" in r or r.get("partial")]
    if bad:
        ERRORS.append((" ".join(cmd), json.dumps(bad[:3], ensure_ascii=False)[:2000]))
        sys.exit(f"query errors or partial answers: {' '.join(cmd)}\n{json.dumps(bad[:3], ensure_ascii=False)[:2000]}")
    return [r for r in rows if r.get("pass", repeat) == repeat]


def stats(rasd, target):
    p = subprocess.run([rasd, "stats", "--json"] + target, capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        ERRORS.append((" ".join([rasd, "stats", "--json"] + target), p.stderr.strip()))
        return {}
    return json.loads(p.stdout)


# ---------------------------------------------------------------- byte-counting proxy

class Proxy:
    """127.0.0.1:listen -> 127.0.0.1:target, counting the bytes of every connection both ways."""

    def __init__(self, listen, target):
        self.target, self.up, self.down, self.conns = target, 0, 0, 0
        self.lock = threading.Lock()
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", listen))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.stopping = False
        self.threads = [threading.Thread(target=self.accept, daemon=True)]
        self.threads[0].start()

    def accept(self):
        while not self.stopping:
            try:
                c, _ = self.sock.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            c.settimeout(None)
            s = socket.create_connection(("127.0.0.1", self.target), timeout=10)
            s.settimeout(None)
            for sock in (c, s):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self.lock:
                self.conns += 1
            for a, b, way in ((c, s, "up"), (s, c, "down")):
                t = threading.Thread(target=self.pump, args=(a, b, way), daemon=True)
                t.start()
                self.threads.append(t)

    def pump(self, a, b, way):
        try:
            while True:
                data = a.recv(65536)
                if not data:
                    break
                with self.lock:
                    setattr(self, way, getattr(self, way) + len(data))
                b.sendall(data)
        except OSError:
            pass
        finally:
            for x in (a, b):
                try:
                    x.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def total(self):
        with self.lock:
            return self.up, self.down, self.conns

    def stop(self):
        self.stopping = True
        self.sock.close()


# ---------------------------------------------------------------- sections

def section_ingest(a, files, ndocs):
    configs = [("local, --threads 1", 0, 1), ("local, default threads", 0, None),
               ("1 shard", 1, None), ("2 shards", 2, None), ("4 shards", 4, None)]
    res = {c[0]: [] for c in configs}
    log(f"\n## 1. ingest: {ndocs} documents, {a.runs} rounds of {len(configs)} configurations (order rotated each round)")
    for r in range(a.runs):
        order = configs[r % len(configs):] + configs[:r % len(configs)]
        for name, shards, threads in order:
            d = os.path.join(a.work, "ingest")
            if os.path.exists(d):
                shutil.rmtree(d)
            if shards == 0:
                s, wall, cpu = index(a.rasd_copy, ["--db", d], files, threads)
                srv, split = 0.0, {"write": 0.0, "search": 0.0}
            else:
                cj = cluster_up(d, shards, a.port)
                pids = server_pids(d)
                perfs = {k: perf_start(v, os.path.join(a.work, f"perf-{k}.txt")) for k, v in pids.items()}
                s, wall, cpu = index(a.rasd_copy, ["--cluster", cj], files, threads)
                split = {k: perf_stop(p, os.path.join(a.work, f"perf-{k}.txt"), pids[k]) for k, p in perfs.items()}
                srv = split["write"] + split["search"]
                st = stats(a.rasd_copy, ["--cluster", cj])
                if st.get("documents") != s["indexed"]:
                    log(f"  note: stats --cluster says {st.get('documents')} documents, rasd index said {s['indexed']} indexed")
                cluster_down(d)
            docs = s["indexed"]
            row = dict(wall=wall, rasd_cpu=cpu, srv_cpu=srv, docs=docs, rasd_s=s["seconds"], w=split["write"], r=split["search"])
            res[name].append(row)
            row["dups"] = (s.get("exact_duplicates"), s.get("near_duplicates"))
            log(f"  round {r + 1} {name:24s} {docs} docs (copies found: {row['dups'][0]} exact, {row['dups'][1]} near), wall {wall:6.2f} s ({docs / wall:5.0f} docs/s), CPU rasd {cpu:6.2f} s"
                f" + servers {srv:5.2f} s (write {split['write']:5.2f}, search {split['search']:5.2f}) = {cpu + srv:6.2f} s ({docs / (cpu + srv):5.0f} docs/CPU-s), load {open('/proc/loadavg').read().split()[0]}")
    if os.path.exists(os.path.join(a.work, "ingest")):
        shutil.rmtree(os.path.join(a.work, "ingest"))
    base = "local, --threads 1"
    dups = {name: sorted({x["dups"] for x in res[name]}) for name, _, _ in configs}
    log(f"copies found (exact, near) per configuration: {dups}")
    log("\n| configuration | docs | wall s | docs/s | CPU s rasd | CPU s servers (write + search) | CPU s total | docs / CPU-s | docs / CPU-s vs local --threads 1 (median of rounds) |")
    log("|---|---|---|---|---|---|---|---|---|")
    for name, _, _ in configs:
        rows = res[name]
        ratios = [b["docs"] / (b["rasd_cpu"] + b["srv_cpu"]) / (l["docs"] / (l["rasd_cpu"] + l["srv_cpu"]))
                  for b, l in zip(rows, res[base])]
        log(f"| {name} | {rows[0]['docs']} | {med([x['wall'] for x in rows]):.2f} | {med([x['docs'] / x['wall'] for x in rows]):.0f} | "
            f"{med([x['rasd_cpu'] for x in rows]):.2f} | {med([x['srv_cpu'] for x in rows]):.2f} "
            f"({med([x['w'] for x in rows]):.2f} + {med([x['r'] for x in rows]):.2f}) | "
            f"{med([x['rasd_cpu'] + x['srv_cpu'] for x in rows]):.2f} | "
            f"{med([x['docs'] / (x['rasd_cpu'] + x['srv_cpu']) for x in rows]):.0f} | {med(ratios):.2f} |")
    return res


def build_indexes(a, files):
    local = os.path.join(a.work, "q-local")
    if os.path.exists(local):
        shutil.rmtree(local)
    s, wall, _ = index(a.rasd_copy, ["--db", local], files)
    log(f"local index {local}: {s['indexed']} documents in {wall:.1f} s")
    cd = os.path.join(a.work, "q-cluster")
    cj = cluster_up(cd, 3, a.port)
    s, wall, _ = index(a.rasd_copy, ["--cluster", cj], files)
    log(f"3-shard cluster {cj}: {s['indexed']} documents in {wall:.1f} s")
    sl, sc = stats(a.rasd_copy, ["--db", local]), stats(a.rasd_copy, ["--cluster", cj])
    log(f"stats: local {sl.get('documents')} documents, cluster {sc.get('documents')} documents")
    return local, cd, cj


def summarize(rows):
    took = [r["took_us"] for r in rows]
    return statistics.median(took), percentile(took, 99), [r.get("total") for r in rows]


def section_latency(a, local, cj):
    log(f"\n## 2. query latency: {PEERS}, --repeat 2 (second pass), {a.runs} rounds, local and 3 shards interleaved")
    configs = [("local, facets", ["--db", local], True), ("3 shards, facets", ["--cluster", cj], True),
               ("local, no facets", ["--db", local], False), ("3 shards, no facets", ["--cluster", cj], False)]
    res = {c[0]: [] for c in configs}
    totals = {}
    for name, target, facets in configs:  # one warm-up batch each (page cache, servers' first fork)
        batch(a.rasd_copy, target, PEERS, facets, repeat=1)
    for r in range(a.runs):
        for name, target, facets in configs:
            m, p99, tot = summarize(batch(a.rasd_copy, target, PEERS, facets))
            res[name].append((m, p99))
            totals[name] = tot
            log(f"  round {r + 1} {name:20s} median {m:7.0f} us, p99 {p99:7.0f} us")
    same = sum(x == y for x, y in zip(totals["local, facets"], totals["3 shards, facets"]))
    log(f"exact totals (with facets) equal on {same}/{len(totals['local, facets'])} queries")
    log("\n| queries | index | n | median us | p99 us | median vs local (median of rounds) | p99 vs local |")
    log("|---|---|---|---|---|---|---|")
    for name, _, facets in configs:
        basename = "local, facets" if facets else "local, no facets"
        rm = [x[0] / b[0] for x, b in zip(res[name], res[basename])]
        rp = [x[1] / b[1] for x, b in zip(res[name], res[basename])]
        log(f"| peer-44 | {name} | {len(totals[name])} | {med([x[0] for x in res[name]]):.0f} | {med([x[1] for x in res[name]]):.0f} | "
            f"{med(rm):.2f} | {med(rp):.2f} |")
    return res


def section_wire(a, cd):
    log(f"\n## 3. bytes on the wire, 3 shards, {PEERS} --limit 10, through counting proxies")
    orig = json.load(open(os.path.join(cd, "cluster.json")))
    proxies, shards = [], []
    for i, sh in enumerate(orig["shards"]):
        host, port = sh["search"][0].rsplit(":", 1)
        pp = a.port + 50 + i  # clear of cluster.sh: P+i, P+100+i (and P+200, P+300+ with replicas)
        proxies.append(Proxy(pp, int(port)))
        shards.append({"write": sh["write"], "search": [f"127.0.0.1:{pp}"]})
    pj = os.path.join(a.work, "cluster-proxied.json")
    json.dump({"shards": shards, "timeout_ms": orig.get("timeout_ms", 2000)}, open(pj, "w"))
    nq = sum(1 for l in open(PEERS) if l.strip())
    out = {}
    try:
        for facets in (True, False):
            for repeat in (1, 2):
                before = [p.total() for p in proxies]
                batch(a.rasd_copy, ["--cluster", pj], PEERS, facets, repeat=repeat)
                time.sleep(0.3)
                after = [p.total() for p in proxies]
                up = sum(x[0] - y[0] for x, y in zip(after, before))
                down = sum(x[1] - y[1] for x, y in zip(after, before))
                conns = sum(x[2] - y[2] for x, y in zip(after, before))
                out[facets, repeat] = (up, down, conns)
                log(f"  {'facets' if facets else 'no facets'}, --repeat {repeat}: {conns} connections, to servers {up} B, "
                    f"from servers {down} B, total {up + down} B = {(up + down) / (nq * repeat):.0f} B per query")
    finally:
        for p in proxies:
            p.stop()
    log("\n| batch | B per query, one pass (set-up included) | to servers | from servers | B per query added by a second pass |")
    log("|---|---|---|---|---|")
    for facets in (True, False):
        (u1, d1, _), (u2, d2, _) = out[facets, 1], out[facets, 2]
        log(f"| peer-44, {'facets' if facets else 'no facets'}, --limit 10 | {(u1 + d1) / nq:.0f} | {u1 / nq:.0f} | {d1 / nq:.0f} | "
            f"{((u2 + d2) - (u1 + d1)) / nq:.0f} |")
    return out


def section_facets(a, local):
    runs = max(a.runs, 5)
    log(f"\n## 4. facet cost on the local index, {runs} interleaved rounds, --repeat 2 (second pass)")
    out = {}
    for qname, path in (("peer-44", PEERS), ("analyst", ANALYST)):
        with_f, without = [], []
        batch(a.rasd_copy, ["--db", local], path, True, repeat=1)
        for r in range(runs):
            for facets, acc in ((False, without), (True, with_f)):
                rows = batch(a.rasd_copy, ["--db", local], path, facets)
                m, p99, _ = summarize(rows)
                acc.append((m, p99, statistics.median(x.get("cpu_us", 0) for x in rows)))
            log(f"  round {r + 1} {qname}: without {without[-1][0]:.0f} us, with facets {with_f[-1][0]:.0f} us "
                f"({with_f[-1][0] / without[-1][0]:.2f}x); CPU {without[-1][2]:.0f} -> {with_f[-1][2]:.0f} us")
        out[qname] = (with_f, without)
    log("\n| queries | median us without | median us with facets | ratio of medians | ratio, median of rounds | p99 us without | p99 us with | CPU median us without / with (ratio) |")
    log("|---|---|---|---|---|---|---|---|")
    for qname, (w, wo) in out.items():
        mw, mwo = med([x[0] for x in w]), med([x[0] for x in wo])
        cw, cwo = med([x[2] for x in w]), med([x[2] for x in wo])
        log(f"| {qname} | {mwo:.0f} | {mw:.0f} | {mw / mwo:.2f} | {med([x[0] / y[0] for x, y in zip(w, wo)]):.2f} | "
            f"{med([x[1] for x in wo]):.0f} | {med([x[1] for x in w]):.0f} | {cwo:.0f} / {cw:.0f} ({cw / cwo if cwo else float('nan'):.2f}) |")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rasd", default=os.environ.get("RASD", os.path.join(REPO, "build", "rasd")))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--port", type=int, default=17400)
    ap.add_argument("--work", default="/tmp/rasd-cluster-bench")
    ap.add_argument("--files", default=",".join(DEFAULT_FILES), help="ANT file names (without .trec.gz) or paths")
    ap.add_argument("--only", default="ingest,latency,wire,facets")
    ap.add_argument("--facets-db", help="an existing local index for section 4 (default: the one built of FILES)")
    a = ap.parse_args()
    a.runs = max(1, min(a.runs, 20))
    only = set(a.only.split(","))
    for tool in ("perf", "xapian-tcpsrv"):
        if "ingest" in only or tool == "xapian-tcpsrv":
            if not shutil.which(tool):
                sys.exit(f"{tool} is missing (linux-tools / xapian-tools)")
    atexit.register(cleanup)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    os.makedirs(a.work, exist_ok=True)
    a.rasd_copy = os.path.join(a.work, "rasd")
    shutil.copy2(a.rasd, a.rasd_copy)
    files = [f if os.path.exists(f) else os.path.join(ANT, f + ".trec.gz") for f in a.files.split(",")]
    ndocs = sum(int(subprocess.run(f"zcat '{f}' | grep -c '^<DOC>'", shell=True, capture_output=True, text=True).stdout)
                for f in files)
    ver = subprocess.run([a.rasd_copy, "--version"], capture_output=True, text=True).stdout.strip()
    log(f"rasd {ver} (copied from {a.rasd} to {a.rasd_copy}); {len(files)} files, {ndocs} <DOC>s; runs {a.runs}; "
        f"ports {a.port}..{a.port + 103} (proxies {a.port + 50}..{a.port + 52}); {os.cpu_count()} cores, load {open('/proc/loadavg').read().split()[0]}; "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    if "ingest" in only:
        section_ingest(a, files, ndocs)
    if only & {"latency", "wire"} or ("facets" in only and not a.facets_db):
        local, cd, cj = build_indexes(a, files)
        if "latency" in only:
            section_latency(a, local, cj)
        if "wire" in only:
            section_wire(a, cd)
        cluster_down(cd)
    if "facets" in only:
        if a.facets_db:
            st = stats(a.rasd_copy, ["--db", a.facets_db])
            log(f"\nsection 4 on {a.facets_db}: {st.get('documents')} documents")
        section_facets(a, a.facets_db or local)
    log(f"\nload at the end {open('/proc/loadavg').read().split()[0]}; rasd errors: {len(ERRORS)}")
    for cmd, err in ERRORS:
        log(f"  {cmd}\n    {err}")


if __name__ == "__main__":
    main()
