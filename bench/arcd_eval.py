#!/usr/bin/env python3
"""Known-item retrieval quality of rasd on ARCD, with the light, snowball and none stemmers.

usage: bench/arcd_eval.py [--rasd build/rasd] [--arcd ../shared/corpora/arcd] [--work DIR]

Indexes passages.tsv (as JSONL: id=pid, title, body=context) three times, runs every question
of queries.tsv through `rasd search --batch --json --any --limit 100` (natural questions: ranked
by any word, BM25), and scores MRR@10, Recall@10 and Recall@100 against qrels.txt over every
judged query (a query with no hits scores 0), as peers/ir-eval/score.py does.
"""
import argparse, collections, json, os, re, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
STEMMERS = ("light", "snowball", "none")
# Questions are plain text here: characters and words of the query language are neutralised.
SYNTAX = re.compile(r'["()\*:\u201c\u201d\u00ab\u00bb|&]')
OPERATORS = re.compile(r'(?<!\S)(OR|AND|NOT|NEAR(/\S*)?)(?!\S)')


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline()
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def write_jsonl(passages, path):
    with open(path, "w", encoding="utf-8") as out:
        for pid, title, context in passages:
            out.write(json.dumps({"id": pid, "title": title, "body": context}, ensure_ascii=False) + "\n")


def plain(question):
    q = SYNTAX.sub(" ", question)
    q = OPERATORS.sub(lambda m: m.group(0).lower(), q)
    return re.sub(r"(?<!\S)-", " ", q).strip() or "-"


def read_qrels(path):
    rel = collections.defaultdict(set)
    for line in open(path, encoding="utf-8"):
        f = line.split()
        if len(f) >= 4 and int(f[3]) > 0:
            rel[f[0]].add(f[2])
    return rel


def score(qrels, ranking):
    tot = collections.Counter()
    for q, rel in qrels.items():
        docs = ranking.get(q, [])
        r = next((i for i, d in enumerate(docs, 1) if d in rel), 0)
        tot["MRR@10"] += 1 / r if 0 < r <= 10 else 0
        for k in (10, 100):
            tot[f"R@{k}"] += sum(1 for d in docs[:k] if d in rel) / len(rel)
    return {m: v / len(qrels) for m, v in tot.items()}


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def evaluate(rasd, stemmer, jsonl, batch, qids, qrels, work):
    db = os.path.join(work, f"arcd-{stemmer}")
    subprocess.run(["rm", "-rf", db], check=True)
    t0 = time.perf_counter()
    run([rasd, "index", "--db", db, "--stemmer", stemmer, "--format", "jsonl", "--quiet", jsonl])
    index_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    out = run([rasd, "search", "--db", db, "--batch", batch, "--json", "--any", "--limit", "100", "--no-collapse"]).stdout
    search_s = time.perf_counter() - t0
    lines = [json.loads(l) for l in out.splitlines() if l.strip()]
    assert len(lines) == len(qids), f"{len(lines)} result lines for {len(qids)} queries"
    ranking, errors = {}, 0
    for qid, line in zip(qids, lines):
        errors += "error" in line
        ranking[qid] = [h["id"] for h in line.get("hits", [])]
    m = score(qrels, ranking)
    m.update(index_s=index_s, search_s=search_s, errors=errors)
    return m


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rasd", default=os.environ.get("RASD", os.path.join(REPO, "build", "rasd")))
    ap.add_argument("--arcd", default=os.environ.get("ARCD_DIR", os.path.join(REPO, "..", "shared", "corpora", "arcd")))
    ap.add_argument("--work", default=None)
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="rasd-arcd-")
    os.makedirs(work, exist_ok=True)
    passages = read_tsv(os.path.join(a.arcd, "passages.tsv"))
    queries = read_tsv(os.path.join(a.arcd, "queries.tsv"))
    qrels = read_qrels(os.path.join(a.arcd, "qrels.txt"))
    jsonl, batch = os.path.join(work, "passages.jsonl"), os.path.join(work, "questions.txt")
    write_jsonl(passages, jsonl)
    with open(batch, "w", encoding="utf-8") as f:
        for q in queries:
            f.write(plain(q[1]) + "\n")
    qids = [q[0] for q in queries]
    print(f"ARCD: {len(passages)} passages, {len(queries)} questions, {len(qrels)} judged; rasd = {a.rasd}")
    print("| stemmer | MRR@10 | R@10 | R@100 | index s | 1,395 queries s | query errors |")
    print("|---|---|---|---|---|---|---|")
    for s in STEMMERS:
        m = evaluate(a.rasd, s, jsonl, batch, qids, qrels, work)
        print(f"| {s} | {m['MRR@10']:.4f} | {m['R@10']:.4f} | {m['R@100']:.4f} | {m['index_s']:.1f} | {m['search_s']:.2f} | {m['errors']} |")
        sys.stdout.flush()
    print("Goal: light MRR@10 >= 0.81 (Lucene 8 ArabicAnalyzer BM25 0.773, Xapian Snowball 0.745 on this set).")


if __name__ == "__main__":
    main()
