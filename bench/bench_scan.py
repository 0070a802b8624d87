"""Throughput of `claimcheck scan` against bare spaCy on the same texts, in one process.

    python bench/bench_scan.py [--copies 40] [--corpus corpus]

Builds a corpus of N x copies articles in a temporary folder (default: the
five founding articles x 40 = 200), then times, on the same texts with the same
loaded model: bare `list(nlp.pipe(texts))`, and the whole scan (ingest, parse,
dates, claims, compare, JSON rendering). Prints documents per second for both
and the ratio bare_time / scan_time (1.0 means the scan costs no more than
parsing alone; higher is better). Run it twice and read the second run if the
machine is busy: the figures are from one run, not averaged.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from claimcheck.ingest import load_articles
from claimcheck.nlp import DEFAULT_MODEL, load_model
from claimcheck.report import render
from claimcheck.scan import scan


def build_corpus(source: Path, copies: int, target: Path) -> int:
    files = sorted(p for p in source.iterdir() if p.is_file())
    for i in range(copies):
        for path in files:
            shutil.copy(path, target / f"{i:03d}_{path.name}")
    return len(files) * copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parent.parent / "corpus")
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    nlp = load_model(args.model)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        count = build_corpus(args.corpus, args.copies, root)
        articles, _ = load_articles(root)
        raw_texts = [a.source for a in articles]
        list(nlp.pipe(raw_texts[:10]))  # warm up both paths alike

        started = time.perf_counter()
        list(nlp.pipe(raw_texts, batch_size=16))
        bare = time.perf_counter() - started

        started = time.perf_counter()
        report = scan(root, model=args.model)
        render(report, "json")
        ours = time.perf_counter() - started

    print(f"documents: {count}")
    print(f"bare nlp.pipe: {bare:.2f} s ({count / bare:.1f} docs/s)")
    print(f"claimcheck scan: {ours:.2f} s ({count / ours:.1f} docs/s), {len(report.findings)} findings")
    print(f"ratio (bare / scan, higher is better): {bare / ours:.2f}")


if __name__ == "__main__":
    main()
