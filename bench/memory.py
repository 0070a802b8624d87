"""Memory of a scan by article count, without spaCy in the process: what holding every document's results costs.

    python bench/memory.py [--sizes 250,500,900] [--cache /tmp/cc-cache] [--shared ../shared] [--store DIR]

Takes the first N articles of bench/scale.py's pool of distinct real articles, fills a claims store with their
results (parsing what the store lacks; with --cache, parses come from bench/evaluate.py's parse cache), then
scans each size again in a fresh process from the store, so that spaCy is never imported there and the
comparison is not read from the store (it is what is measured). Prints, per size: RSS before and after the
comparison, peak RSS, the comparison's seconds; then, for the largest size, the bytes each kind of record holds
per article (tracemalloc on the unpickled records) and the fitted memory model with its 100,000-article value.
"""
from __future__ import annotations

import argparse
import gc
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scale_articles import articles_for, gather_pool  # noqa: E402

EXTRAPOLATE_TO = 100_000


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return 0.0


def child(folder: Path, store_dir: Path, cache: Path | None, mode: str) -> dict:
    """One scan of `folder` through the store: `fill` parses what it lacks (spaCy allowed), `read` measures RSS,
    `held` measures the records alone (tracemalloc's copies would inflate `read`'s RSS)."""
    fill = mode == "fill"
    import claimcheck.scan as scan_module
    from claimcheck.store import ClaimStore

    if fill and cache is not None:
        from scale import StreamingCache

        from claimcheck.nlp import load_model

        nlp = StreamingCache(load_model(), cache)
        setattr(scan_module, "load_model", lambda _name=None: nlp)  # noqa: B010 - the parse cache stands in
    setattr(scan_module, "comparison_key", lambda *_args: "")  # noqa: B010 - compare every time: it is measured
    marks: dict = {"start_mb": rss_mb()}
    compare = scan_module.compare_documents

    def measured(readable, articles, claims_by_doc, terms):
        gc.collect()
        marks["before_compare_mb"] = rss_mb()
        if mode == "held":
            marks["held_kb_per_article"] = held_per_article(articles, claims_by_doc, terms)
        started = time.perf_counter()
        result = compare(readable, articles, claims_by_doc, terms)
        marks["compare_s"] = time.perf_counter() - started
        marks["after_compare_mb"] = rss_mb()
        return result

    setattr(scan_module, "compare_documents", measured)  # noqa: B010
    store = ClaimStore.in_folder(store_dir)
    report = scan_module.scan(folder, store=store)
    store.close()
    marks.update(documents=len(report.documents), spacy_imported="spacy" in sys.modules,
                 peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return marks


def held_per_article(articles, claims_by_doc, terms) -> dict[str, float]:
    """kB per article each kind of record takes once unpickled, as the store gives it back."""
    sizes = {}
    for name, records in (("articles", articles), ("claims", claims_by_doc), ("terms", terms)):
        blob = pickle.dumps(records)
        gc.collect()
        tracemalloc.start()
        copy = pickle.loads(blob)
        sizes[name] = tracemalloc.get_traced_memory()[0] / len(articles) / 1024
        tracemalloc.stop()
        del copy
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,500,900")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, help="bench/evaluate.py's parse cache, to fill the store faster")
    parser.add_argument("--store", type=Path, help="keep the claims store here between runs")
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    store_dir = args.store or Path(tempfile.mkdtemp(prefix="cc-memory-"))
    if args.child:
        print(json.dumps(child(Path(args.child[0]), store_dir, args.cache, args.child[1])))
        return 0
    pool = gather_pool(args.shared)
    sizes = [n for n in (int(x) for x in args.sizes.split(",")) if n <= len(pool)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / f"n{n}"
            folder.mkdir()
            for name, data in articles_for(n, pool):
                (folder / name).write_bytes(data)
            runs = {}
            for mode in ("fill", "read", *(("held",) if n == sizes[-1] else ())):
                command = [sys.executable, __file__, "--child", str(folder), mode, "--store", str(store_dir)]
                if args.cache:
                    command += ["--cache", str(args.cache)]
                done = subprocess.run(command, capture_output=True, text=True, check=True)
                runs[mode] = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append((n, {**runs["read"], **{k: v for k, v in runs.get("held", {}).items() if "held" in k}}))
    print("| N | spaCy imported | RSS before comparison MB | after MB | peak MB | comparison s |")
    print("| --- | --- | --- | --- | --- | --- |")
    for n, row in rows:
        print(f"| {n} | {row['spacy_imported']} | {row['before_compare_mb']:.0f} | {row['after_compare_mb']:.0f} "
              f"| {row['peak_mb']:.0f} | {row['compare_s']:.2f} |")
    n, last = rows[-1]
    held = last["held_kb_per_article"]
    print(f"\nheld per article at N={n}: " + ", ".join(f"{k} {v:.1f} kB" for k, v in held.items())
          + f" (total {sum(held.values()):.1f} kB)")
    if len(rows) >= 2:
        (n0, first), (n1, final) = rows[0], rows[-1]
        slope = (final["peak_mb"] - first["peak_mb"]) / (n1 - n0)
        base = first["peak_mb"] - slope * n0
        print(f"peak RSS model: {base:.0f} MB + {slope * 1024:.0f} kB*N -> "
              f"{(base + slope * EXTRAPOLATE_TO) / 1024:.1f} GB at {EXTRAPOLATE_TO:,} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
