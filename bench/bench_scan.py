"""Throughput of `claimcheck scan` against bare spaCy `nlp.pipe` on the same texts, in one process.

    python bench/bench_scan.py [--rounds 5] [--copies 2] [--source corpus --source fixtures]

Gathers the articles of every --source folder (default: the founding corpus and
every fixture corpus: news on many topics, in text, Markdown and HTML) into one
temporary folder, `--copies` times over (each copy renamed, so a larger scan
also has near-duplicates to find, as real folders do). Then, with one loaded
model (loading it is timed by neither), it times in alternation over several rounds:

- bare: `list(nlp.pipe(texts))` on the articles' texts;
- scan: the whole `claimcheck scan` (ingest, parse, dates, claims, stories,
  alignment, decisions, JSON rendering) of the folder.

The order alternates every round (bare first, then scan first), so a machine
that speeds up or slows down during the run weighs on both alike. It prints
every round and the median of the per-round ratios bare_time / scan_time (1.0:
the scan costs no more than parsing alone; higher is better). This is a
benchmark, not a test: nothing here fails on a slow machine.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import spacy

import claimcheck.scan as scan_module
from claimcheck.ingest import load_articles
from claimcheck.nlp import DEFAULT_MODEL, load_model
from claimcheck.report import render
from claimcheck.scan import scan

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".txt", ".md", ".html", ".htm"}


def build_corpus(sources: list[Path], copies: int, target: Path) -> int:
    files = sorted(p for source in sources for p in source.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
    for i in range(copies):
        for n, path in enumerate(files):
            shutil.copy(path, target / f"{i:02d}_{n:03d}_{path.name}")
    return len(files) * copies


def time_bare(nlp, texts: list[str]) -> float:
    started = time.perf_counter()
    list(nlp.pipe(texts, batch_size=16))
    return time.perf_counter() - started


def time_scan(root: Path, model: str) -> tuple[float, int]:
    started = time.perf_counter()
    report = scan(root, model=model)
    render(report, "json")
    return time.perf_counter() - started, len(report.findings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, action="append",
                        help="a folder of articles (repeatable; default: corpus/ and fixtures/)")
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    sources = args.source or [ROOT / "corpus", ROOT / "fixtures"]
    nlp = load_model(args.model)
    scan_module.load_model = lambda _name=None: nlp  # loaded once: loading is timed by neither
    # the reference is spaCy as a user loads it, without what claimcheck.nlp adds or replaces in the pipeline
    bare_nlp = spacy.load(args.model)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        count = build_corpus(sources, args.copies, root)
        articles, _ = load_articles(root)
        texts = [a.text for a in articles]
        list(bare_nlp.pipe(texts[:10]))  # warm up both paths alike
        time_scan(root, args.model)
        ratios = []
        print(f"documents: {count} ({len(sources)} source folders x {args.copies} copies)")
        for n in range(args.rounds):
            if n % 2 == 0:
                bare = time_bare(bare_nlp, texts)
                ours, findings = time_scan(root, args.model)
            else:
                ours, findings = time_scan(root, args.model)
                bare = time_bare(bare_nlp, texts)
            ratios.append(bare / ours)
            print(f"round {n + 1}: bare {bare:.2f} s ({count / bare:.1f} docs/s), scan {ours:.2f} s "
                  f"({count / ours:.1f} docs/s, {findings} findings), ratio {bare / ours:.2f}")
    print(f"median ratio over {args.rounds} rounds (bare / scan, higher is better): {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
