"""Scaling mode: how each stage of `claimcheck scan` grows with the number of articles.

    python bench/scale.py [--sizes 250,500,1000,2000,4000] [--cache /tmp/cc-scale-cache]
                          [--shared ../shared] [--json FILE] [--keep DIR]

Builds one pool of distinct real articles: the bodies of ../shared/data/perturbed-dev
(the unedited `a.txt` of each case), the TimeBank + AQUAINT texts, the ECB+ dev texts,
then the repo's own fixtures/ and corpus/ (without ../shared only these last two, so
fewer sizes can run). The pool is shuffled once with a fixed seed and the scan of size
N takes its first N articles, so each size holds the smaller ones. When N is larger
than the pool, the rest are recombined articles: runs of paragraphs taken from three
pool articles, seeded, each text distinct (real sentences; more overlap between
articles than real news has, so the comparison stages are measured on the hard side).

Each size is scanned in a fresh subprocess (a clean peak RSS), with one loaded model
whose parses can be kept on disk (`--cache`, the parse cache of bench/evaluate.py):
parsing is linear and costs about 0.1 s an article on this machine, and the stages
this bench is about come after it. The child wraps the pipeline's stage functions
with timers (monkeypatching: the report is the same) and counts the pairs examined
by near-duplicate detection and alignment. The driver prints a table per size, the
fitted growth of the near-duplicate + stories + comparison stages (a*N + b*N^2 and
the log-log slope) and an extrapolation to 100,000 articles.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.util
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scale_articles import articles_for, gather_pool, story_variants  # noqa: E402

from claimcheck.nlp import DEFAULT_MODEL  # noqa: E402

# the stages whose growth the bench fits: the ones that compare articles with each other
COMPARISON_STAGES = ("neardup", "stories", "align", "compare")
EXTRAPOLATE_TO = 100_000


# --------------------------------------------------------------------------- the child: one scan, timed

class StageClock:
    """Seconds spent in each stage and counts of the work done, gathered by wrapped functions."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.counts: dict[str, int] = defaultdict(int)
        self._depth: dict[str, int] = defaultdict(int)

    def wrap(self, owner: object, name: str, stage: str) -> None:
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            self._depth[stage] += 1
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self._depth[stage] -= 1
                if not self._depth[stage]:  # a recursive or nested call is counted once
                    self.seconds[stage] += time.perf_counter() - started

        setattr(owner, name, timed)

    def count(self, owner: object, name: str, counter: str, size: Callable | None = None) -> None:
        original = getattr(owner, name)

        def counted(*args, **kwargs):
            result = original(*args, **kwargs)
            self.counts[counter] += size(args, result) if size else 1
            return result

        setattr(owner, name, counted)

    def wrap_generator(self, owner: object, name: str, stage: str) -> None:
        """Time a function that returns an iterator: the work happens in each next()."""
        original = getattr(owner, name)
        clock = self

        def timed(*args, **kwargs):
            iterator = iter(original(*args, **kwargs))
            while True:
                started = time.perf_counter()
                try:
                    item = next(iterator)
                except StopIteration:
                    clock.seconds[stage] += time.perf_counter() - started
                    return
                clock.seconds[stage] += time.perf_counter() - started
                yield item

        setattr(owner, name, timed)


class StreamingCache:
    """bench/evaluate.py's parse cache (the same files, keyed by model and text), yielding each doc as it is
    read or parsed instead of holding every doc of the scan at once: peak RSS stays the scan's own."""

    def __init__(self, nlp: Any, folder: Path) -> None:
        from evaluate import CachedModel

        self.keys = CachedModel(nlp, folder)  # its file names, so both benches share one cache
        self.nlp = nlp

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)

    def __call__(self, text: str) -> Any:
        return next(iter(self.pipe([text])))

    def pipe(self, texts, batch_size: int = 16, **_options):
        from spacy.tokens import Doc

        for text in texts:
            path = self.keys._path(text)
            if path.exists():
                yield Doc(self.nlp.vocab).from_bytes(path.read_bytes())
            else:
                doc = self.nlp(text)
                path.write_bytes(doc.to_bytes())
                yield doc


def measure(folder: Path, cache: Path | None, model: str) -> dict:
    """Scan `folder` once with every stage timed; what the driver reads from the child's stdout."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from claimcheck import align, compare, neardup
    from claimcheck import scan as scan_module
    from claimcheck.nlp import load_model
    from claimcheck.report import render

    started = time.perf_counter()
    nlp: Any = load_model(model)
    if cache is not None:
        nlp = StreamingCache(nlp, cache)
    model_seconds = time.perf_counter() - started
    setattr(scan_module, "load_model", lambda _name=None: nlp)  # noqa: B010 - one loaded model for the scan
    clock = StageClock()
    clock.wrap(scan_module, "load_articles", "ingest")
    clock.wrap(scan_module, "find_acronyms", "extract")
    # versions before the per-document stage had its own module kept it, and the comparison's names, in scan
    per_document = importlib.import_module("claimcheck.analysis") if _has("claimcheck.analysis") else scan_module
    clock.wrap_generator(per_document, "parse", "parse")
    for name in ("tag_dates", "extract_claims", "document_terms"):
        clock.wrap(per_document, name, "extract")
    clock.wrap(neardup, "groups", "neardup")
    in_scan = hasattr(scan_module, "group_stories")  # else scan imports them when it compares: wrap them at home
    clock.wrap(scan_module if in_scan else importlib.import_module("claimcheck.stories"), "group_stories", "stories")
    clock.wrap(compare, "align", "align")
    clock.wrap(scan_module if in_scan else compare, "compare", "compare")  # align included; subtracted below
    # the counters name functions of the version at hand: all-pairs versions verify with `jaccard` and align
    # article pairs with `_between`, the indexed ones verify with `is_copy` and align stories with `_in_story`
    clock.count(neardup, "is_copy" if hasattr(neardup, "is_copy") else "jaccard", "neardup pairs verified")
    clock.count(align, "_pairs_of", "sentence pairs examined")
    for name in ("_between", "_in_story", "_within", "_across_stories"):
        if hasattr(align, name):
            clock.count(align, name, "aligned pairs kept", size=lambda _args, result: len(result))
    clock.count(compare, "decide", "pairs decided")
    try:  # the sparse stories of large scans (absent from versions that compare every pair of documents)
        from claimcheck import story_graph

        clock.count(story_graph, "_informative_pairs", "story pairs sharing a rare term",
                    size=lambda _args, result: len(result[0]))
    except ImportError:
        pass

    started = time.perf_counter()
    report = scan_module.scan(folder)
    rendered = clock_render(clock, render, report)
    wall = time.perf_counter() - started
    stages = dict(clock.seconds)
    stages["compare"] = stages.get("compare", 0.0) - stages.get("align", 0.0)
    stages["other"] = wall - sum(stages.values())
    return {
        "documents": len(report.documents), "stories": len(report.stories), "findings": len(report.findings),
        "wall": wall, "model_load": model_seconds, "peak_rss_mb": _peak_rss_mb(),
        "stages": stages, "counts": dict(clock.counts), "report_sha1": hashlib.sha1(rendered.encode()).hexdigest(),
        "parse_cached": cache is not None,
    }


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def clock_render(clock: StageClock, render: Callable, report) -> str:
    started = time.perf_counter()
    rendered = render(report, "json")
    clock.seconds["render"] += time.perf_counter() - started
    return rendered


def _peak_rss_mb() -> float:
    # Linux reports ru_maxrss in kilobytes
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --------------------------------------------------------------------------- the driver

def fit_growth(sizes: list[int], seconds: list[float]) -> tuple[float, float, float]:
    """Least squares of seconds = a*N + b*N^2 with a, b >= 0, and the log-log slope of the last two sizes."""
    import numpy as np

    n = np.array(sizes, dtype=float)
    t = np.array(seconds, dtype=float)
    best: tuple[float, float] | None = None
    best_error = float("inf")
    for columns in ((n, n * n), (n,), (n * n,)):
        coef, *_ = np.linalg.lstsq(np.stack(columns, axis=1), t, rcond=None)
        if (coef < 0).any():
            continue
        a, b = (coef[0], coef[1]) if len(columns) == 2 else ((coef[0], 0.0) if columns[0] is n else (0.0, coef[0]))
        error = float(((a * n + b * n * n - t) ** 2).sum())
        if error < best_error:
            best, best_error = (float(a), float(b)), error
    a, b = best or (0.0, 0.0)
    slope = float(np.log(t[-1] / t[-2]) / np.log(n[-1] / n[-2])) if len(sizes) > 1 and t[-2] > 0 else float("nan")
    return a, b, slope


STAGE_ORDER = ("ingest", "parse", "extract", "neardup", "stories", "align", "compare", "render", "other")


def _line(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Intercept and slope of the least-squares line (memory: the model is a fixed cost)."""
    import numpy as np

    slope, intercept = np.polyfit(np.array(xs), np.array(ys), 1)
    return float(intercept), float(slope)


def table(results: list[dict]) -> str:
    head = "| N | wall s | peak RSS MB | " + " | ".join(STAGE_ORDER) + " | comparison share | pairs examined |"
    lines = [head, "|" + " --- |" * (head.count("|") - 1)]
    for r in results:
        stages = r["stages"]
        comparing = sum(stages.get(s, 0.0) for s in COMPARISON_STAGES)
        examined = r["counts"].get("sentence pairs examined", 0) + r["counts"].get("neardup pairs verified", 0)
        lines.append(
            f"| {r['documents']} | {r['wall']:.1f} | {r['peak_rss_mb']:.0f} | "
            + " | ".join(f"{stages.get(s, 0.0):.2f}" for s in STAGE_ORDER)
            + f" | {comparing / r['wall']:.1%} | {examined:,} |"
        )
    return "\n".join(lines)


def summary(results: list[dict]) -> str:
    sizes = [r["documents"] for r in results]
    lines = []
    if len(sizes) < 2:
        return "one size only: no growth to fit"
    if max(sizes) < 500:
        lines.append(f"(only {max(sizes)} articles: fractions of a second each, so the fit and the extrapolation "
                     "below say little; run beside ../shared for sizes up to 4,000)")
    comparing = [sum(r["stages"].get(s, 0.0) for s in COMPARISON_STAGES) for r in results]
    a, b, slope = fit_growth(sizes, comparing)
    lines.append(f"near-duplicates + stories + comparison: {a * 1e3:.3f} ms*N + {b * 1e6:.4f} us*N^2 "
                 f"(log-log slope of the last two sizes {slope:.2f})")
    for stage in COMPARISON_STAGES:
        sa, sb, ss = fit_growth(sizes, [max(r["stages"].get(stage, 0.0), 1e-9) for r in results])
        lines.append(f"  {stage}: {sa * 1e3:.3f} ms*N + {sb * 1e6:.4f} us*N^2 (slope {ss:.2f})")
    rest = [r["wall"] - c for r, c in zip(results, comparing, strict=True)]
    ra, rb, _ = fit_growth(sizes, rest)
    big = EXTRAPOLATE_TO
    compared = a * big + b * big * big
    other = ra * big + rb * big * big
    fixed, per_article = _line([float(s) for s in sizes], [r["peak_rss_mb"] for r in results])
    lines.append(f"extrapolated to {big:,} articles: comparison stages {compared / 3600:.2f} h, everything else "
                 f"{other / 3600:.2f} h (parse {'from the cache' if results[0]['parse_cached'] else 'live'}), "
                 f"peak RSS about {(fixed + per_article * big) / 1024:.1f} GB (fitted {fixed:.0f} MB + "
                 f"{per_article * 1e3:.0f} kB*N, the model included)")
    return "\n".join(lines)


def run_child(folder: Path, args: argparse.Namespace) -> dict:
    """One scan of `folder` in a fresh process: a clean peak RSS for each size."""
    command = [sys.executable, __file__, "--measure", str(folder), "--model", args.model]
    if args.cache:
        command += ["--cache", str(args.cache)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the scan of {folder} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def story_mode(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = (args.keep or Path(tmp)) / f"story{args.story}"
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in story_variants(args.story_from, args.story):
            (folder / name).write_bytes(text)
        result = run_child(folder, args)
    print(table([result]))
    print(json.dumps(result["counts"]))
    if args.json:
        args.json.write_text(json.dumps([result], indent=1) + "\n", encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,500,1000,2000,4000")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, help="keep parsed docs here between runs (bench/evaluate.py's cache)")
    parser.add_argument("--json", type=Path, help="write every size's measures to this file")
    parser.add_argument("--keep", type=Path, help="write each size's articles under this folder and keep them")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--story", type=int, metavar="COPIES",
                        help="instead: one story of COPIES varied copies of the articles in --story-from")
    parser.add_argument("--story-from", type=Path, default=ROOT / "corpus")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child: scan this folder, print JSON
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.cache, args.model)))
        return 0
    if args.story:
        return story_mode(args)
    pool = gather_pool(args.shared)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    if not (args.shared / "data").is_dir():
        # the repo's own articles are few: recombining them by the thousand would measure repetition, so the
        # sizes are what the pool holds (a quarter, a half, all of it, unless smaller sizes were asked for)
        sizes = [s for s in sizes if s <= len(pool)] or [len(pool) // 4, len(pool) // 2, len(pool)]
        print(f"{args.shared} missing: {len(pool)} articles from the repo alone, sizes {sizes}", file=sys.stderr)
    print(f"pool: {len(pool)} distinct real articles; larger sizes add recombined ones", file=sys.stderr)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        for size in sizes:
            folder = base / f"n{size}"
            folder.mkdir(parents=True, exist_ok=True)
            for name, text in articles_for(size, pool):
                (folder / name).write_bytes(text)
            result = run_child(folder, args)
            results.append(result)
            print(f"N={size}: {result['wall']:.1f} s, peak RSS {result['peak_rss_mb']:.0f} MB, "
                  f"stages {', '.join(f'{k} {v:.1f}' for k, v in result['stages'].items())}, "
                  f"counts {result['counts']}", file=sys.stderr)
    print(table(results))
    print()
    print(summary(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
