"""Time `scan --watch`: from an edit to the new report, with the model loaded once.

    python bench/bench_watch.py [--count 200] [--edits 5] [FOLDER...]

Copies the articles bench_store.py uses into a temporary folder, runs the
watch of `claimcheck.watch` (the code `scan --watch` runs) with a fresh claims
store, times the first report (a cold scan: the model is loaded and every
file parsed), then edits one file at a time (a line added) and times each
next report, and prints their median.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_store import gather  # noqa: E402

from claimcheck.scan import scan  # noqa: E402
from claimcheck.store import ClaimStore  # noqa: E402
from claimcheck.watch import watch  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder, files = gather(args.folders, args.count, Path(tmp))
        store = ClaimStore.in_folder(Path(tmp) / "cache")
        reports = watch([folder], lambda engine: scan([folder], store=store, engine=engine), interval=0.01)
        started = time.perf_counter()
        first = next(reports)
        print(f"first report (cold scan): {time.perf_counter() - started:.2f} s, {len(first.documents)} documents")
        seconds = []
        step = max(1, len(files) // max(args.edits, 1))
        for k in range(args.edits):
            edited = files[(k * step) % len(files)]
            text = edited.read_text(encoding="utf-8")
            edited.write_text(text + f"\nA line the desk added ({k}).\n", encoding="utf-8")
            started = time.perf_counter()
            next(reports)
            seconds.append(time.perf_counter() - started)
            print(f"edit {k + 1} ({edited.name}): new report after {seconds[-1]:.2f} s", flush=True)
        store.close()
    print(f"median from an edit to its report: {statistics.median(seconds):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
