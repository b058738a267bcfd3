#!/usr/bin/env python3
"""Writes the ANT corpus as two JSONL files for the alerts benchmark: every article but the
newest N (the index that exists when alerts are saved) and the newest N (the batch that
arrives afterwards). Order: DOCNO date, then DOCNO. Reads the .trec.gz files in place."""
import glob, gzip, json, os, re, sys

def docs(folder):
    field = re.compile(r"<(DOCNO|URL|SRC|TITLE|TEXT|ABSTRACT)>\n?(.*?)\n?</\1>", re.S)
    for path in sorted(glob.glob(os.path.join(folder, "*.trec.gz"))):
        text = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
        for block in text.split("<DOC>")[1:]:
            f = {k: v.strip() for k, v in field.findall(block)}
            docno = f.get("DOCNO", "")
            day = docno.rsplit("-", 1)[-1]
            yield {"id": docno, "title": f.get("TITLE", ""), "body": f.get("TEXT") or f.get("ABSTRACT", ""),
                   "source": f.get("SRC", "").lower(), "url": f.get("URL", ""),
                   "published": f"{day[:4]}-{day[4:6]}-{day[6:8]}" if len(day) == 8 else None}

def main():
    folder, out_dir, newest = sys.argv[1], sys.argv[2], int(sys.argv[3])
    all_docs = sorted(docs(folder), key=lambda d: (d["published"] or "", d["id"]))
    base, new = all_docs[:-newest], all_docs[-newest:]
    for name, part in (("base.jsonl", base), ("new.jsonl", new)):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as out:
            for d in part:
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{len(base)} base + {len(new)} new articles", file=sys.stderr)

main()
