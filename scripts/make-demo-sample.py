#!/usr/bin/env python3
"""Draws the demo sample (fixtures/demo/) from the ANT multi-source corpus, reproducibly.

    scripts/make-demo-sample.py [ANT_DIR] [OUT_DIR]
    (defaults: the first of ../shared/corpora/ant-multisource and ../../shared/corpora/ant-multisource
    that exists, beside the source tree; fixtures/demo)

What is drawn (fixtures/demo/README.md says why):
- only the news categories (internationalNews, middleEast) of 2018, the months the corpus
  covers (February to October);
- per source and month, the QUOTA records whose DOCNO has the smallest SHA-256 (a fixed,
  order-free lottery: the same corpus always gives the same sample);
- plus every record of DUPLICATE_GROUPS groups of reports that share a title (a report collected
  twice, or an agency story carried by two sources), chosen by the same lottery over the title,
  so that near-duplicate collapse has copies to show.
The records are copied byte for byte, in DOCNO-date then DOCNO order, into two gzip files: the
reports up to September (indexed first) and October's (indexed after the demo's saved alerts
exist, so that the alerts fire on them). The gzip headers carry no time or name, so running the
script again writes the same bytes.
"""
import collections
import gzip
import hashlib
import pathlib
import re
import sys

CATEGORIES = ("internationalNews", "middleEast")
YEAR = "2018"
QUOTA = 70  # per source and month: 5 sources x 9 months, fewer where a source has fewer
DUPLICATE_GROUPS = 150
LATE_MONTH = "201810"  # written to the second file

DOC_RE = re.compile(rb"<DOC>\n.*?</DOC>\n", re.S)
DOCNO_RE = re.compile(rb"<DOCNO>([^<]+)</DOCNO>")
TITLE_RE = re.compile(rb"<TITLE>(.*?)</TITLE>", re.S)


def lottery(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()


def read_records(ant: pathlib.Path):
    """(docno, date YYYYMMDD, source, title, raw bytes) of every news record of YEAR."""
    for path in sorted((ant / "docs").glob("*.trec.gz")):
        source, category = path.name[: -len(".trec.gz")].split("_", 1)
        if category not in CATEGORIES:
            continue
        data = gzip.decompress(path.read_bytes())
        for m in DOC_RE.finditer(data):
            raw = m.group(0)
            docno = DOCNO_RE.search(raw).group(1).decode()
            date = docno.rsplit("-", 1)[1]
            if not date.startswith(YEAR):
                continue
            title = TITLE_RE.search(raw).group(1).strip()
            yield docno, date, source, title, raw


def draw(records):
    by_cell = collections.defaultdict(list)
    by_title = collections.defaultdict(list)
    for r in records:
        docno, date, source, title, _ = r
        by_cell[(source, date[:6])].append(r)
        if title:
            by_title[title].append(r)
    chosen = {}
    for cell in sorted(by_cell):
        for r in sorted(by_cell[cell], key=lambda r: lottery(r[0].encode()))[:QUOTA]:
            chosen[r[0]] = r
    groups = [g for g in by_title.values() if len(g) > 1]
    groups.sort(key=lambda g: lottery(g[0][3]))
    for g in groups[:DUPLICATE_GROUPS]:
        for r in g:
            chosen[r[0]] = r
    return sorted(chosen.values(), key=lambda r: (r[1], r[0]))


def write_gzip(path: pathlib.Path, records) -> None:
    with open(path, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=f, mtime=0) as gz:
            for r in records:
                gz.write(r[4])


def main() -> int:
    here = pathlib.Path(__file__).resolve().parent.parent
    candidates = [up / "shared/corpora/ant-multisource" for up in (here.parent, here.parent.parent)]
    default = next((c for c in candidates if c.is_dir()), candidates[0])
    ant = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else default
    out = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else here / "fixtures/demo"
    if not (ant / "docs").is_dir():
        print(f"make-demo-sample: {ant}/docs not found (give the ANT folder as the first argument)", file=sys.stderr)
        return 2
    sample = draw(read_records(ant))
    early = [r for r in sample if r[1][:6] < LATE_MONTH]
    late = [r for r in sample if r[1][:6] >= LATE_MONTH]
    out.mkdir(parents=True, exist_ok=True)
    write_gzip(out / "ant-2018-02-09.trec.gz", early)
    write_gzip(out / "ant-2018-10.trec.gz", late)
    months = collections.Counter(r[1][:6] for r in sample)
    sources = collections.Counter(r[2] for r in sample)
    print(f"make-demo-sample: {len(sample)} records ({len(early)} + {len(late)})")
    print("  by month:  " + ", ".join(f"{m}: {n}" for m, n in sorted(months.items())))
    print("  by source: " + ", ".join(f"{s}: {n}" for s, n in sorted(sources.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
