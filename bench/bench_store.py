"""Time the claims store and worker processes on real news, through the command line as a user runs it.

    python bench/bench_store.py [--count 200] [--rounds 3] [FOLDER...]

Copies `--count` articles (by default the perturbed-dev bodies and ECB+ texts of
../shared, else the repository's corpus and fixtures) into a temporary folder
and, each round, runs `claimcheck scan` cold (empty store, --jobs 1), again
unchanged (store full), after editing one file, and with --no-cache at
--jobs 1 and --jobs 2 (in alternating order, since the machine is shared).
Set PYTHONPATH to a copy of the package to time a snapshot of the code.
Prints the median of each, the speed-ups, and the parallel efficiency
(time at 1 job / (2 x time at 2 jobs)). Every report must be byte-identical
to the cold one (but the edited run's): the bench stops if one is not.
"""
from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
CLAIMCHECK = [sys.executable, "-m", "claimcheck"]


def default_sources() -> list[Path]:
    """Real news when ../shared is there (perturbed-dev bodies, one of each pair, then ECB+), else the repo's own."""
    if SHARED.is_dir():
        bodies = sorted((SHARED / "perturbed-dev").glob("*/a.txt"))
        ecb = sorted((SHARED / "ecb-dev").glob("*/*.txt"))
        return bodies + ecb[::6]  # every sixth ECB+ text: all topics, not one topic's forty articles
    articles = [*(ROOT / "corpus").glob("*.txt"), *(ROOT / "fixtures").glob("*/*")]
    return sorted(p for p in articles if p.suffix in (".txt", ".md", ".html"))


def gather(folders: list[Path], count: int, work: Path) -> tuple[Path, list[Path]]:
    """`count` articles (from `folders`, else default_sources()) copied into work/articles: the folder, the files."""
    sources = [p for f in folders for p in sorted(f.rglob("*.txt"))] if folders else default_sources()
    articles = work / "articles"
    articles.mkdir()
    copied = []
    for source in sources[:count]:
        target = articles / "_".join(source.parts[-2:])  # one folder per case: keep the folder in the name
        shutil.copyfile(source, target)
        copied.append(target)
    print(f"{len(copied)} articles, {sum(f.stat().st_size for f in copied) / 1e6:.2f} MB", flush=True)
    return articles, copied


def adopt_orphans() -> None:
    """Become the subreaper of what the runs start (Linux): the workers' forkserver outlives the command by a
    moment and is then reparented here instead of to init, so its CPU time (and its workers') can be counted."""
    with contextlib.suppress(AttributeError, OSError):  # elsewhere the CPU figures leave the workers out
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _reap_all() -> None:
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


CPU: dict[str, list[float]] = {}


def run(folder: Path, out: Path, *options: str, label: str = "") -> float:
    cpu_before = cpu_seconds()
    start = time.perf_counter()
    # run from the temporary folder: `python -m` puts the current folder first on sys.path, and a checkout others
    # are editing would change claimcheck (and so every key of the store) between two runs
    subprocess.run(
        [*CLAIMCHECK, "scan", str(folder), "-f", "json", "-o", str(out), "-q", *options],
        check=False, cwd=folder.parent,
    )
    wall = time.perf_counter() - start
    _reap_all()  # the forkserver and its workers, whose CPU time the command's own does not include
    CPU.setdefault(label, []).append(cpu_seconds() - cpu_before)
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, help="read articles from these folders instead")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    adopt_orphans()
    times: dict[str, list[float]] = {k: [] for k in ("cold", "unchanged", "one edited", "jobs 1", "jobs 2")}
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        articles, files = gather(args.folders, args.count, work)
        reference = work / "cold.json"
        for round_no in range(args.rounds):
            store = f"--cache-dir={work / f'store-{round_no}'}"
            times["cold"].append(run(articles, reference, store, "--jobs", "1"))
            times["unchanged"].append(run(articles, work / "unchanged.json", store, "--jobs", "1"))
            edited = files[round_no % len(files)]
            original = edited.read_bytes()
            edited.write_bytes(original + b"\nThe council said on Monday that 41 people had been questioned.\n")
            times["one edited"].append(run(articles, work / "edited.json", store, "--jobs", "1"))
            edited.write_bytes(original)
            order = ("1", "2") if round_no % 2 == 0 else ("2", "1")
            for jobs in order:
                times[f"jobs {jobs}"].append(
                    run(articles, work / f"jobs{jobs}.json", "--no-cache", "--jobs", jobs, label=f"jobs {jobs}")
                )
            for other in ("unchanged", "jobs1", "jobs2"):
                if (work / f"{other}.json").read_bytes() != reference.read_bytes():
                    sys.exit(f"round {round_no + 1}: the {other} report differs from the cold one")
            print(f"round {round_no + 1}: " + ", ".join(f"{k} {v[-1]:.1f} s" for k, v in times.items()), flush=True)
    median = {k: statistics.median(v) for k, v in times.items()}
    print("\nmedians (wall seconds, whole command):")
    for key, value in median.items():
        print(f"  {key:<11} {value:6.2f}")
    # a ratio within one round is less exposed to the load of the moment than a ratio of two medians
    rescan = statistics.median(c / u for c, u in zip(times["cold"], times["unchanged"], strict=True))
    paired_jobs = statistics.median(a / b for a, b in zip(times["jobs 1"], times["jobs 2"], strict=True))
    print(f"unchanged rescan: {median['cold'] / median['unchanged']:.1f}x faster than cold "
          f"(median of the rounds' own ratios: {rescan:.1f}x)")
    print(f"one edited file: {median['one edited'] - median['unchanged']:.2f} s more than unchanged "
          f"(cold: {median['cold'] / len(files):.2f} s a file on average)")
    speed_up = median["jobs 1"] / median["jobs 2"]
    print(f"--jobs 2: {speed_up:.2f}x the throughput of --jobs 1, parallel efficiency {speed_up / 2:.0%} "
          f"(median of the rounds' own ratios: {paired_jobs:.2f}x, {paired_jobs / 2:.0%})")
    cpu = {k: statistics.median(v) for k, v in CPU.items() if k}
    one, two = cpu["jobs 1"], cpu["jobs 2"]
    # on a shared machine wall time follows the other jobs' load; CPU time says what running in parallel cost
    print(f"CPU seconds (median, the command and every process it started): --jobs 1 {one:.1f}, --jobs 2 {two:.1f}: "
          f"CPU efficiency {one / two:.0%}, so at most {2 * one / two:.2f}x on two otherwise idle cores")
    print("reports byte-identical: cold, unchanged, --jobs 1, --jobs 2")


if __name__ == "__main__":
    main()
