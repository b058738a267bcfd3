#!/usr/bin/env python3
"""The goals of docs/SECURITY.md, measured against `rasd serve` on loopback over the ANT index.

Cases (each bounded in count and time; every connection goes to 127.0.0.0/8):
  memory    server RSS (VmHWM) through 4 unauthenticated 150 MiB chunked POSTs, 4 authenticated
            ones (capped at --max-body), and 4 clients sending 50 MiB header lines; goal < 300 MB
  slowloris 300 connections sending a header line every 2 s (from 300 loopback addresses, so
            the per-address cap does not refuse them), reopened when the head deadline closes
            them; /healthz latency meanwhile; goal p99 <= 100 ms
  budget    four worst-case queries at once (8 two-letter wildcards, facets); each stopped by
            its budget (status, seconds); /healthz meanwhile; goal each <= 2 s, /healthz <= 100 ms
  alerts    an alert over the ANT documents indexed after it (`rasd alerts run`): matches found,
            lines delivered (goal: all of them, past 10,000); the baseline binary side by side
  blackhole a healthy webhook alert next to one whose receiver never answers: how much later the
            healthy receiver gets its POST than without the black hole; goal <= 1 s

Usage: bench/attack_bench.py --rasd build/rasd --db DIR [--base /work/base/build/rasd] [CASE...]
"""
import argparse
import http.server
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

READ = "bench-read-token-0123456789abcdef"
WRITE = "bench-write-token-0123456789abcdef"


def rss_kb(pid, field="VmHWM"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


class Server:
    """`rasd serve` on a free port with both tokens; stopped on exit."""

    def __init__(self, rasd, db, extra=()):
        self.dir = tempfile.mkdtemp(prefix="rasd-attack-")
        env = dict(os.environ, RASD_READ_TOKEN=READ, RASD_WRITE_TOKEN=WRITE)
        self.log = open(os.path.join(self.dir, "serve.log"), "w+")
        self.proc = subprocess.Popen([rasd, "serve", "--db", db, "--port", "0", "--quiet", *extra],
                                     stderr=self.log, env=env)
        for _ in range(200):
            self.log.seek(0)
            text = self.log.read()
            if "http://" in text:
                self.port = int(text.split("http://")[1].split("/")[0].split(":")[1])
                break
            time.sleep(0.05)
        else:
            raise SystemExit("rasd serve did not start:\n" + text)
        for _ in range(100):
            try:
                if self.get("/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.05)

    def get(self, target, token=READ, timeout=10):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        try:
            auth = f"Authorization: Bearer {token}\r\n" if token else ""
            s.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n{auth}Connection: close\r\n\r\n".encode())
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
            status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else 0
            return status, data.split(b"\r\n\r\n", 1)[-1]
        finally:
            s.close()

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def health_latencies(server, seconds, gap=0.05):
    out = []
    until = time.time() + seconds
    while time.time() < until:
        start = time.perf_counter()
        try:
            status, _ = server.get("/healthz", token=None, timeout=5)
        except OSError:
            status = 0
        out.append(((time.perf_counter() - start) * 1000, status))
        time.sleep(gap)
    return out


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


def case_memory(args):
    server = Server(args.rasd, args.db)
    base = rss_kb(server.proc.pid, "VmRSS")

    def chunked(token, mib):
        try:
            s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            auth = f"Authorization: Bearer {token}\r\n" if token else ""
            s.sendall(f"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n{auth}Transfer-Encoding: chunked\r\n"
                      "Content-Type: application/x-ndjson\r\n\r\n".encode())
            chunk = b"100000\r\n" + b"x" * 0x100000 + b"\r\n"
            for _ in range(mib):
                s.sendall(chunk)
            s.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server answered and closed: the rest was never read

    def header_line(mib):
        try:
            s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            s.sendall(b"GET /healthz HTTP/1.1\r\nX-Big: ")
            block = b"b" * 0x100000
            for _ in range(mib):
                s.sendall(block)
        except OSError:
            pass

    results = {}
    for name, work in [("chunked 4 x 150 MiB, no token", lambda: chunked(None, 150)),
                       ("chunked 4 x 150 MiB, write token", lambda: chunked(WRITE, 150)),
                       ("header line 4 x 50 MiB", lambda: header_line(50))]:
        start = time.time()
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        results[name] = {"seconds": round(time.time() - start, 2), "peak_rss_mb": round(rss_kb(server.proc.pid) / 1024, 1)}
    results["rss_before_mb"] = round(base / 1024, 1)
    results["healthz_after"] = server.get("/healthz", token=None)[0]
    server.stop()
    return results


def case_slowloris(args):
    server = Server(args.rasd, args.db, ["--max-connections", "1000"])
    stop = threading.Event()
    opened = [0]
    lock = threading.Lock()

    def slow_client(i):
        addr = f"127.0.{1 + i // 250}.{1 + i % 250}"
        while not stop.is_set():
            try:
                s = socket.socket()
                s.bind((addr, 0))
                s.settimeout(5)
                s.connect(("127.0.0.1", server.port))
                with lock:
                    opened[0] += 1
                s.sendall(b"GET /healthz HTTP/1.1\r\n")
                n = 0
                while not stop.is_set():
                    stop.wait(2)
                    s.sendall(f"X-Slow-{n}: 1\r\n".encode())
                    n += 1
            except OSError:
                pass  # closed at the head deadline: come back, as an attacker would
            finally:
                s.close()

    threads = [threading.Thread(target=slow_client, args=(i,), daemon=True) for i in range(300)]
    for t in threads:
        t.start()
    time.sleep(3)
    lat = health_latencies(server, args.seconds)
    stop.set()
    ms = [m for m, s in lat if s == 200]
    failed = sum(1 for _, s in lat if s != 200)
    server.stop()
    return {"slow_connections": 300, "connects": opened[0], "healthz_requests": len(lat), "healthz_failed": failed,
            "healthz_p50_ms": round(pct(ms, 50), 2), "healthz_p99_ms": round(pct(ms, 99), 2),
            "healthz_max_ms": round(max(ms), 2) if ms else None}


def case_budget(args):
    server = Server(args.rasd, args.db)
    queries = [" ".join(["ال*", "وال*", "في*", "من*", "عل*", "ان*", "لل*", "بال*"]),
               " ".join(["ال*"] * 8),
               "ال* OR في* OR من* OR على* facets",
               " ".join(["مص*", "سو*", "ال*", "ام*", "را*", "قا*", "حر*", "وز*"])]
    out = []

    def run(q):
        start = time.perf_counter()
        status, body = server.get("/api/search?facets=true&q=" + urllib.parse.quote(q), timeout=30)
        took = time.perf_counter() - start
        detail = json.loads(body) if body.startswith(b"{") else {}
        out.append({"query": q, "status": status, "seconds": round(took, 3), "limit": detail.get("limit")})

    # A server in use: every search slot has opened its view of the index (the first search on a
    # slot opens it, which is not the cost being measured).
    warm = [threading.Thread(target=lambda: server.get("/api/search?q=%D8%A7%D9%84%D8%B9%D8%B1%D8%A7%D9%82", timeout=30))
            for _ in range(8)]
    for t in warm:
        t.start()
    for t in warm:
        t.join(60)
    lat_box = {}
    health = threading.Thread(target=lambda: lat_box.update(lat=health_latencies(server, 4, gap=0.02)))
    threads = [threading.Thread(target=run, args=(q,)) for q in queries]
    health.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    health.join(60)
    ms = [m for m, s in lat_box["lat"] if s == 200]
    server.stop()
    return {"queries": out, "slowest_s": max(q["seconds"] for q in out), "healthz_p99_ms": round(pct(ms, 99), 2),
            "healthz_max_ms": round(max(ms), 2)}


def alerts_run(rasd, db_src, files_before, files_after, work, query):
    db = os.path.join(work, "db")
    alerts = os.path.join(work, "alerts.sqlite")
    jsonl = os.path.join(work, "hits.jsonl")
    subprocess.run([rasd, "index", "--db", db, *files_before], check=True, capture_output=True)
    subprocess.run([rasd, "alerts", "--db", db, "--alerts", alerts, "add", "--name", "all", "--query", query,
                    "--jsonl", jsonl], check=True, capture_output=True)
    subprocess.run([rasd, "index", "--db", db, *files_after], check=True, capture_output=True)
    start = time.time()
    r = subprocess.run([rasd, "alerts", "--db", db, "--alerts", alerts, "--json", "run", "--all"],
                       capture_output=True, text=True)
    took = time.time() - start
    summary = json.loads(r.stdout.splitlines()[0]) if r.stdout.strip() else {}
    lines = open(jsonl).read().splitlines() if os.path.exists(jsonl) else []
    ids = {json.loads(l)["doc_id"] for l in lines}
    return {"exit": r.returncode, "seconds": round(took, 1), "new_hits": summary.get("new_hits"),
            "jsonl_lines": len(lines), "distinct_docs": len(ids)}


def case_alerts(args):
    docs = os.path.join(args.corpora, "ant-multisource", "docs")
    files = sorted(os.path.join(docs, f) for f in os.listdir(docs))
    before, after = files[:3], files[3:]
    out = {}
    for name, rasd in [("new", args.rasd)] + ([("base", args.base)] if args.base else []):
        work = tempfile.mkdtemp(prefix=f"rasd-alerts-{name}-")
        try:
            out[name] = alerts_run(rasd, args.db, before, after, work, "date:2018")
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return out


class Receiver(http.server.BaseHTTPRequestHandler):
    arrivals = []

    def do_POST(self):
        Receiver.arrivals.append(time.time())
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *a):
        pass


def case_blackhole(args):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(64)  # never accepted: connections wait for an answer that never comes
    healthy_port, hole_port = httpd.server_address[1], hole.getsockname()[1]
    results = {}
    for with_hole in (False, True):
        delays = []
        for _ in range(args.runs):
            work = tempfile.mkdtemp(prefix="rasd-blackhole-")
            try:
                db, alerts = os.path.join(work, "db"), os.path.join(work, "alerts.sqlite")
                subprocess.run([args.rasd, "index", "--db", db, os.path.join(args.root, "fixtures/seeds")], check=True,
                               capture_output=True)
                allow = ["--webhook-allow", f"127.0.0.1:{healthy_port}", "--webhook-allow", f"127.0.0.1:{hole_port}"]
                base = [args.rasd, "alerts", "--db", db, "--alerts", alerts, *allow]
                if with_hole:
                    subprocess.run(base + ["add", "--name", "hole", "--query", "الحوثيين", "--webhook",
                                           f"http://127.0.0.1:{hole_port}/h"], check=True, capture_output=True)
                subprocess.run(base + ["add", "--name", "healthy", "--query", "الحوثيين", "--webhook",
                                       f"http://127.0.0.1:{healthy_port}/h"], check=True, capture_output=True)
                subprocess.run([args.rasd, "index", "--db", db, os.path.join(args.root, "fixtures/alerts/new_match.jsonl")],
                               check=True, capture_output=True)
                Receiver.arrivals.clear()
                start = time.time()
                r = subprocess.run(base + ["run", "--all"], capture_output=True, text=True, timeout=60)
                run_s = time.time() - start
                if not Receiver.arrivals:
                    raise SystemExit("the healthy receiver got nothing:\n" + r.stdout + r.stderr)
                delays.append((Receiver.arrivals[0] - start, run_s))
            finally:
                shutil.rmtree(work, ignore_errors=True)
        key = "with_black_hole" if with_hole else "alone"
        results[key] = {"healthy_post_after_s": round(statistics.median(d for d, _ in delays), 3),
                        "run_s": round(statistics.median(r for _, r in delays), 2)}
    results["delay_s"] = round(results["with_black_hole"]["healthy_post_after_s"] - results["alone"]["healthy_post_after_s"], 3)
    httpd.shutdown()
    hole.close()
    return results


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rasd", default=os.path.join(root, "build/rasd"))
    p.add_argument("--db", default=os.path.join(root, "bench/out/ant-index"))
    p.add_argument("--base", help="a baseline rasd binary for the alerts case")
    p.add_argument("--corpora", default=os.environ.get("RASD_CORPORA", os.path.join(root, "../shared/corpora")))
    p.add_argument("--seconds", type=float, default=10, help="how long /healthz is measured under slowloris")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("cases", nargs="*", default=["memory", "slowloris", "budget", "alerts", "blackhole"])
    args = p.parse_args()
    args.root = root
    if not os.path.isdir(args.db) and any(c in args.cases for c in ("memory", "slowloris", "budget")):
        docs = os.path.join(args.corpora, "ant-multisource", "docs")
        print(f"indexing {docs} into {args.db}", file=sys.stderr)
        subprocess.run([args.rasd, "index", "--db", args.db, docs], check=True)
    for case in args.cases:
        result = globals()["case_" + case](args)
        print(json.dumps({"case": case, **result}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
