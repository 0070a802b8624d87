#!/usr/bin/env python3
"""Benchmark: bare spaCy parsing vs parsing + time-expression tagging, same texts, same process.

    python bench/bench_dates.py [TIMEBANK_DIR] [--repeat N]

TIMEBANK_DIR (default /work/shared/data/timebank) is searched recursively for
.tml files; the text inside <TEXT> of each is used. Prints docs/s for
`list(nlp.pipe(texts))` and for nlp.pipe + tag_dates, and the ratio
bare time / our time (1.0 = free; the target is >= 0.8).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimcheck.nlp import load_model
from claimcheck.timex import tag_dates

_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r'<DCT>.*?value="(\d{4}-\d\d-\d\d)', re.S)


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
    ap.add_argument("timebank", nargs="?", default="/work/shared/data/timebank")
    ap.add_argument("--repeat", type=int, default=1, help="time each variant this many times, keep the best")
    args = ap.parse_args(argv)
    root = Path(args.timebank)
    if not root.is_dir():
        print(f"bench_dates: {root} does not exist; pass the folder of TimeBank .tml files "
              "(e.g. /work/shared/data/timebank)", file=sys.stderr)
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

    t_bare = min(bare() for _ in range(args.repeat))
    runs = [ours() for _ in range(args.repeat)]
    t_ours = min(r[0] for r in runs)
    n = len(texts)
    print(f"documents {n}  characters {sum(map(len, texts))}  timexes {runs[0][1]}")
    print(f"bare nlp.pipe          {n / t_bare:8.2f} docs/s  ({t_bare:.2f} s)")
    print(f"nlp.pipe + tag_dates   {n / t_ours:8.2f} docs/s  ({t_ours:.2f} s)")
    print(f"ratio (bare / ours)    {t_bare / t_ours:8.3f}  (target >= 0.8)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
