"""Write TimeML news documents as plain articles, for a false-alarm check of `claimcheck scan`.

    python bench/timebank_corpus.py ../shared/data/timebank OUT_DIR
    claimcheck scan OUT_DIR

Each .tml file becomes OUT_DIR/NAME.txt: a `date YYYY-MM-DD` header from its
document creation time, then the text inside <TEXT> with the tags removed.
These are hundreds of unrelated or evolving wire stories, so every finding
the scan reports is a candidate false alarm to read.
"""
from __future__ import annotations

import html
import re
import sys
from pathlib import Path

_TAG = re.compile(r"<[^>]+>")


def convert(tml: Path) -> str:
    raw = tml.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    text = html.unescape(_TAG.sub("", body.group(1) if body else ""))
    return (f"date {dct.group(1)}\n" if dct else "") + text


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    files = sorted(source.rglob("*.tml"))
    if not files:
        print(f"no .tml files under {source}", file=sys.stderr)
        return 2
    target.mkdir(parents=True, exist_ok=True)
    for tml in files:
        (target / f"{tml.stem}.txt").write_text(convert(tml), encoding="utf-8")
    print(f"wrote {len(files)} articles to {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
