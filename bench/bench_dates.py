#!/usr/bin/env python3
"""Benchmark: bare spaCy parsing vs parsing + time-expression tagging, same texts, same process.

    python bench/bench_dates.py [TIMEBANK_DIR] [--rounds N]

TIMEBANK_DIR (default: ../shared/data/timebank beside the checkout, else the
sample in tests/data/timebank) is searched recursively for .tml files; the
text inside <TEXT> of each is used. Each round times `list(nlp.pipe(texts))`
and nlp.pipe + tag_dates, in alternating order (bare first in odd rounds, ours
first in even ones) so that a machine speeding up or slowing down weighs on
both; it prints every round and the median of the per-round ratios bare time
/ our time (1.0 = tagging is free; it cannot honestly exceed 1 by much).
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimcheck.nlp import load_model
from claimcheck.timex import tag_dates

_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r'<DCT>.*?value="(\d{4}-\d\d-\d\d)', re.S)


def _default_texts() -> Path:
    repo = Path(__file__).resolve().parent.parent
    shared = repo.parent / "shared" / "data" / "timebank"
    return shared if shared.is_dir() else repo / "tests" / "data" / "timebank"


def load_texts(root: Path) -> tuple[list[str], list[str | None]]:
    texts, dcts = [], []
    for f in sorted(root.rglob("*.tml")):
        raw = f.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if not body:
            continue
        texts.append(_TAG.sub("", body.group(1)).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
        m = _DCT.search(raw)
        dcts.append(m.group(1) if m else None)
    return texts, dcts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("timebank", nargs="?", default=str(_default_texts()))
    ap.add_argument("--rounds", type=int, default=5, help="paired rounds, order alternating (default 5)")
    args = ap.parse_args(argv)
    root = Path(args.timebank)
    if not root.is_dir():
        print(f"bench_dates: {root} does not exist; pass the folder of TimeBank .tml files "
              "(e.g. ../shared/data/timebank)", file=sys.stderr)
        return 2
    texts, dcts = load_texts(root)
    if not texts:
        print(f"bench_dates: no .tml files with a <TEXT> under {root}", file=sys.stderr)
        return 2
    import datetime as dt
    dates = [dt.date.fromisoformat(d) if d else None for d in dcts]
    nlp = load_model()
    list(nlp.pipe(texts[:5]))  # warm up

    def bare() -> float:
        t = time.perf_counter()
        list(nlp.pipe(texts))
        return time.perf_counter() - t

    def ours() -> tuple[float, int]:
        t = time.perf_counter()
        n = 0
        for doc, d in zip(nlp.pipe(texts), dates, strict=True):  # one date per text, one doc per text
            n += len(tag_dates(doc, d))
        return time.perf_counter() - t, n

    ratios = []
    for round_number in range(1, args.rounds + 1):
        if round_number % 2:
            t_bare = bare()
            t_ours, found = ours()
        else:
            t_ours, found = ours()
            t_bare = bare()
        ratios.append(t_bare / t_ours)
        print(f"round {round_number}: bare {t_bare:.2f} s, nlp.pipe + tag_dates {t_ours:.2f} s, "
              f"ratio {ratios[-1]:.3f}")
    print(f"documents {len(texts)}  characters {sum(map(len, texts))}  timexes {found}")
    print(f"median ratio (bare / ours) over {args.rounds} rounds: {statistics.median(ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
