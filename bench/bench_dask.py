"""Time `--engine dask` (a local cluster started by the command) against this machine's own engine.

    python bench/bench_dask.py [--count 200] [--rounds 2] [--workers 2] [FOLDER...]

The articles are bench_store.py's (../shared's real news, else the
repository's corpus and fixtures). Each round runs, with --no-cache and in
alternating order (the machine is shared): one process (--jobs 1), worker
processes (--jobs N) and a local Dask cluster of N workers (--engine dask
--jobs N). Every report must be byte-identical to the first: the bench stops
if one is not.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from bench_store import CPU, adopt_orphans, gather, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="read articles from these folders instead")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    adopt_orphans()
    n = str(args.workers)
    cases = {
        "jobs 1": ("--jobs", "1"),
        f"jobs {n}": ("--jobs", n),
        f"dask {n}": ("--engine", "dask", "--jobs", n),
    }
    times: dict[str, list[float]] = {k: [] for k in cases}
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        articles, _ = gather(args.folders, args.count, work)
        reference: bytes | None = None
        for round_no in range(args.rounds):
            order = list(cases) if round_no % 2 == 0 else list(reversed(cases))
            for label in order:
                out = work / f"{label.replace(' ', '')}.json"
                times[label].append(run(articles, out, "--no-cache", *cases[label], label=label))
                reference = reference or out.read_bytes()
                if out.read_bytes() != reference:
                    sys.exit(f"round {round_no + 1}: the {label} report differs from the first one")
            print(f"round {round_no + 1}: " + ", ".join(f"{k} {v[-1]:.1f} s" for k, v in times.items()), flush=True)
    print("\nmedians (wall seconds, whole command; CPU seconds of the command and every process it started):")
    for label, walls in times.items():
        print(f"  {label:<8} {statistics.median(walls):6.1f} s wall {statistics.median(CPU[label]):6.1f} s CPU")
    print("reports byte-identical: " + ", ".join(cases))


if __name__ == "__main__":
    main()
